using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Metrics;
using Ecosystem.Scenarios;
using Ecosystem.Theory;

namespace Ecosystem.Runner;

/// <summary>Runs a scenario on a cluster (embedded or remote) through its clock grain, writing the run's files tick by tick.</summary>
/// <remarks>A tick that fails because part of the cluster was lost (a silo, the storage) is run again, as
/// <see cref="Retries"/> allows; the clock starts it from the state committed at the end of the previous tick, so the
/// retried tick writes the same rows. A run whose cluster state survives can be continued from its folder
/// (<see cref="ResumeAsync"/>).</remarks>
public sealed class ScenarioRunner(IGrainFactory grains)
{
    /// <summary>Keep the run's grains (and their documents and models) in the cluster after the run instead of
    /// releasing them, to inspect them; a long-lived cluster otherwise keeps no finished run in memory.</summary>
    public bool KeepGrainsAfterRun { get; init; }

    /// <summary>Keep the cluster state of a run that failed or was cancelled, so that <see cref="ResumeAsync"/> can
    /// continue it; by default its grains are released like those of a completed run.</summary>
    public bool KeepStateOfUnfinishedRuns { get; init; }

    /// <summary>Write the run's web into its folder as Arrow files (<see cref="CorpusExport"/>) once the run completes.</summary>
    public bool ExportCorpus { get; init; }

    /// <summary>How ticks that failed for a fault of the cluster are retried.</summary>
    public TickRetryPolicy Retries { get; init; } = TickRetryPolicy.Default;

    /// <summary>Told, in a sentence, about each fault of the cluster the runner retries after, and where a resumed run
    /// continues from.</summary>
    public Action<string>? OnNotice { get; init; }

    /// <summary>Told, in a sentence, about each simulated value that lies more than
    /// <see cref="TheoryRows.WarningZ"/> standard errors from its closed form.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>The simulator's version, recorded in run.json.</summary>
    public static string Version { get; } =
        typeof(ScenarioRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>How often a long tick is asked for training progress, and whether the clock still runs it.</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for an answer to a status question; one that takes longer went to a silo that is gone.</summary>
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive answers saying the clock is not running the tick after which the runner stops waiting: the
    /// clock that ran it was lost with its silo, and the one that took its place never heard of the call.</summary>
    private const int LostCallAnswers = 2;

    /// <summary>Runs <paramref name="scenario"/> to the end (or until cancelled) and writes its files into <paramref name="outputDirectory"/>.</summary>
    /// <param name="scenario">The resolved scenario.</param>
    /// <param name="outputDirectory">Folder for metrics.csv, run.json and samples.jsonl; must not hold a run already.</param>
    /// <param name="progress">Receives progress after every tick.</param>
    /// <param name="cancellationToken">Stops the run (between ticks, or during one when <paramref name="progress"/> is given);
    /// the files keep every completed tick and say "cancelled".</param>
    /// <param name="fork">When the run is a fork, its parent: the shared history is checked against the parent's rows
    /// as soon as it is written, and the run fails if they differ.</param>
    /// <param name="pauseGate">Holds the run between ticks while paused; null runs straight through.</param>
    public async Task<RunResult> RunAsync(Scenario scenario, string outputDirectory, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default, RunFork? fork = null, RunPauseGate? pauseGate = null)
    {
        var runId = $"{scenario.Name}-{Guid.NewGuid():N}";
        var scenarioJson = ScenarioJson.Serialize(scenario);
        var manifest = new RunManifest
        {
            RunId = runId,
            Scenario = scenario.Name,
            Seed = scenario.Seed,
            Version = Version,
            Status = RunStatusKind.Running,
            CompletedTicks = 0,
            TotalTicks = scenario.Ticks,
            StartedAt = DateTimeOffset.UtcNow,
            ResolvedScenario = JsonNode.Parse(scenarioJson)!,
            Fork = fork,
        };

        using var output = RunOutput.Create(outputDirectory, manifest);
        return await DriveAsync(scenario, new RunSpec(runId, scenarioJson), output, [], history: null, progress, cancellationToken, pauseGate);
    }

    /// <summary>Continues the unfinished run in <paramref name="outputDirectory"/> (failed, cancelled, or cut off with its
    /// process) from its last completed tick: the rows already written are kept and the run goes on from the state the
    /// cluster kept. If the cluster kept less (it lost its storage, or it is a new embedded silo), the missing ticks are
    /// computed again and checked against the rows already written.</summary>
    /// <exception cref="InvalidDataException">The folder holds no unfinished run, or a recomputed tick differs.</exception>
    public async Task<RunResult> ResumeAsync(string outputDirectory, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default, RunPauseGate? pauseGate = null)
    {
        using var output = RunOutput.Resume(outputDirectory);
        var manifest = output.Manifest;
        var scenario = ScenarioLoader.Parse(manifest.ResolvedScenario.ToJsonString(), $"{RunFiles.Manifest} of the run to resume");
        var written = MetricsCsv.Read(Path.Combine(outputDirectory, RunFiles.Metrics));
        var spec = new RunSpec(manifest.RunId, ScenarioJson.Serialize(scenario));
        return await DriveAsync(scenario, spec, output, written, RunHistory.Read(outputDirectory), progress, cancellationToken, pauseGate);
    }

    private async Task<RunResult> DriveAsync(Scenario scenario, RunSpec spec, RunOutput output, IReadOnlyList<MetricRow> writtenRows,
        RunHistory? history, IProgress<RunProgress>? progress, CancellationToken cancellationToken, RunPauseGate? pauseGate)
    {
        var outputDirectory = output.Directory;
        var fork = output.Manifest.Fork;
        var firstTick = output.Manifest.CompletedTicks;
        var rows = new List<MetricRow>(writtenRows);
        var theory = new TheoryRows(scenario);
        // The closed forms carry each chain generation by generation: a resumed run replays the ticks already written.
        foreach (var written in writtenRows.Where(r => !TheoryRows.IsTheoryRow(r)).GroupBy(r => r.Tick).OrderBy(g => g.Key))
        {
            theory.For(written.Key, [.. written]);
        }

        var clock = grains.GetGrain<IScenarioClockGrain>(spec.RunId);
        var stopwatch = Stopwatch.StartNew();
        long published = 0;
        var trained = 0;
        try
        {
            await WithRetriesAsync("starting the run", () => clock.StartAsync(spec), cancellationToken);
            if (history is not null)
            {
                await CatchUpAsync(clock, history, firstTick, cancellationToken);
            }

            for (var tick = firstTick; tick < scenario.Ticks; tick++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pauseGate is not null)
                {
                    await pauseGate.WaitWhilePausedAsync(cancellationToken);
                }

                var current = tick;
                var report = await WithRetriesAsync($"tick {tick}",
                    () => AdvanceAsync(clock, current, scenario.Ticks, published, trained, stopwatch, progress, cancellationToken), cancellationToken);
                if (theory.Any)
                {
                    var beside = theory.For(tick, report.Metrics);
                    report = report with { Metrics = [.. report.Metrics, .. beside] };
                    foreach (var warning in TheoryRows.Warnings(beside))
                    {
                        OnWarning?.Invoke(warning);
                    }
                }

                output.AppendTick(report);
                if (fork is not null && tick == fork.Tick - 1)
                {
                    fork.CheckSharedHistory(outputDirectory);
                }

                rows.AddRange(report.Metrics);
                published += report.DocumentsPublished;
                trained += report.GenerationsTrained;
                progress?.Report(new RunProgress(tick + 1, scenario.Ticks, published, trained, stopwatch.Elapsed) { Metrics = report.Metrics });
                if (scenario.Limits.MaxCorpusDocuments is { } cap && published > cap)
                {
                    throw new DocumentCapExceededException(tick, published, cap);
                }
            }
        }
        catch (OperationCanceledException)
        {
            RecordEnd(output, RunStatusKind.Cancelled, "cancelled", outputDirectory);
            await ReleaseUnfinishedAsync(clock);
            throw;
        }
        catch (Exception e)
        {
            RecordEnd(output, RunStatusKind.Failed, e.Message, outputDirectory);
            await ReleaseUnfinishedAsync(clock);
            throw;
        }

        if (ExportCorpus)
        {
            try
            {
                await CorpusExport.WriteAsync(grains, spec.RunId, scenario, outputDirectory, cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                RecordEnd(output, RunStatusKind.Failed, $"writing the corpus failed: {e.Message}", outputDirectory);
                await ReleaseUnfinishedAsync(clock);
                throw;
            }
        }

        output.Finish(RunStatusKind.Completed, null, FilesOf(outputDirectory));
        await ReleaseAsync(clock);
        return new RunResult(outputDirectory, output.Manifest, rows);
    }

    /// <summary>Runs one tick on the clock, reporting training progress while it lasts.</summary>
    /// <remarks>The call can outlive the clock that answers it: a client's call to a grain on a silo that dies is
    /// answered by no one (until a timeout of hours, since ticks may train for that long). So the runner keeps asking
    /// the clock how it stands; when a clock answers, twice, that it is not running the tick, the call was lost and the
    /// tick is run again. Running it again is always safe: a clock that did finish the tick returns its saved report.</remarks>
    private static async Task<TickReport> AdvanceAsync(IScenarioClockGrain clock, int tick, int ticks, long published, int trained,
        Stopwatch stopwatch, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var advancing = clock.AdvanceAsync(tick);
        var notAdvancing = 0;
        while (await Task.WhenAny(advancing, Task.Delay(StatusInterval, cancellationToken)) != advancing)
        {
            // A stop ends the run now rather than after a tick that may train for minutes: the clock
            // finishes the tick on its own and the run never writes it.
            cancellationToken.ThrowIfCancellationRequested();

            RunStatus status;
            try
            {
                status = await clock.GetStatusAsync().WaitAsync(StatusTimeout, cancellationToken);
            }
            catch (Exception e) when (ClusterFaults.IsTransient(e))
            {
                // No answer says nothing about the tick; its own call, or a later answer, will.
                continue;
            }

            notAdvancing = status.Advancing == tick ? 0 : notAdvancing + 1;
            if (notAdvancing >= LostCallAnswers && !advancing.IsCompleted)
            {
                // The abandoned call may still fail, hours from now; nobody waits for it.
                _ = advancing.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw new TickInterruptedException($"the clock of run '{status.RunId}' is not running tick {tick} any more: the call was lost with its silo.");
            }

            if (progress is not null && status.Training.Count > 0)
            {
                progress.Report(new RunProgress(tick, ticks, published, trained, stopwatch.Elapsed) { Training = status.Training });
            }
        }

        return await advancing;
    }

    /// <summary>When the cluster kept fewer ticks of the run than its files hold, computes the missing ones again
    /// (without writing them) and checks them against the files.</summary>
    private async Task CatchUpAsync(IScenarioClockGrain clock, RunHistory history, int written, CancellationToken cancellationToken)
    {
        var status = await WithRetriesAsync("reading the run's state", clock.GetStatusAsync, cancellationToken);
        if (status.CompletedTicks > written + 1)
        {
            throw new InvalidDataException(
                $"the cluster's state of run '{status.RunId}' has {status.CompletedTicks} ticks but its folder only {written}: " +
                "the folder is not the one this run writes to.");
        }

        OnNotice?.Invoke(status.CompletedTicks >= written
            ? $"the cluster kept the run's state: it continues from tick {written}"
            : $"the cluster kept {status.CompletedTicks} of the {written} written ticks; ticks {status.CompletedTicks}..{written - 1} are computed again and checked against metrics.csv");
        for (var tick = status.CompletedTicks; tick < written; tick++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = tick;
            history.Check(await WithRetriesAsync($"recomputing tick {tick}",
                () => AdvanceAsync(clock, current, written, 0, 0, Stopwatch.StartNew(), progress: null, cancellationToken), cancellationToken));
        }
    }

    /// <summary>Calls <paramref name="call"/>, calling it again after a fault of the cluster as <see cref="Retries"/> allows.</summary>
    /// <exception cref="ClusterFaultException">The last attempt failed with a fault of the cluster.</exception>
    private async Task<T> WithRetriesAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (ClusterFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Retries.MaxAttempts)
                {
                    throw new ClusterFaultException(
                        $"{what} failed {attempt} times because of the cluster; last error: {e.GetType().Name}: {e.Message} " +
                        "The rows of the completed ticks are kept; the run can be resumed from its folder once the cluster is back.", e);
                }

                var delay = Retries.DelayAfter(attempt);
                OnNotice?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{what} failed ({e.GetType().Name}: {FirstLine(e.Message)}); attempt {attempt + 1} of {Retries.MaxAttempts} in {delay.TotalSeconds:F0} s"));
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private Task WithRetriesAsync(string what, Func<Task> call, CancellationToken cancellationToken) =>
        WithRetriesAsync(what, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private async Task ReleaseUnfinishedAsync(IScenarioClockGrain clock)
    {
        if (!KeepStateOfUnfinishedRuns)
        {
            await ReleaseAsync(clock);
        }
    }

    /// <summary>Records how a run that did not complete ended, as far as the disk allows: when run.json cannot be written
    /// (the disk that stopped the run is full) it still says "running", never "completed", and the error that stopped
    /// the run is the one the caller sees.</summary>
    private static void RecordEnd(RunOutput output, RunStatusKind status, string error, string outputDirectory)
    {
        try
        {
            output.Finish(status, error, FilesOf(outputDirectory));
        }
        catch (IOException)
        {
            // Reporting this instead would hide why the run stopped; run.json still does not claim completion.
        }
    }

    private async Task ReleaseAsync(IScenarioClockGrain clock)
    {
        if (KeepGrainsAfterRun)
        {
            return;
        }

        try
        {
            await clock.FinishAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The run's files are complete; a cluster that cannot release its grains now only keeps them longer.
            System.Diagnostics.Trace.TraceWarning($"Releasing the grains of a finished run failed: {e.Message}");
        }
    }

    internal static IReadOnlyList<string> FilesOf(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
}
