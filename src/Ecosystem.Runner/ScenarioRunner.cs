using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Scenarios;

namespace Ecosystem.Runner;

/// <summary>Runs a scenario on a cluster (embedded or remote) through its clock grain, writing the run's files tick by tick.</summary>
public sealed class ScenarioRunner(IGrainFactory grains)
{
    /// <summary>Keep the run's grains (and their documents and models) in the cluster after the run instead of
    /// releasing them, to inspect them; a long-lived cluster otherwise keeps no finished run in memory.</summary>
    public bool KeepGrainsAfterRun { get; init; }

    /// <summary>The simulator's version, recorded in run.json.</summary>
    public static string Version { get; } =
        typeof(ScenarioRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>How often a long tick is asked for training progress.</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

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

        var rows = new List<MetricRow>();
        using var output = RunOutput.Create(outputDirectory, manifest);
        var clock = grains.GetGrain<IScenarioClockGrain>(runId);
        var stopwatch = Stopwatch.StartNew();
        long published = 0;
        var trained = 0;
        try
        {
            await clock.StartAsync(new RunSpec(runId, scenarioJson));
            for (var tick = 0; tick < scenario.Ticks; tick++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pauseGate is not null)
                {
                    await pauseGate.WaitWhilePausedAsync(cancellationToken);
                }

                var advancing = clock.AdvanceAsync();
                while (progress is not null && await Task.WhenAny(advancing, Task.Delay(StatusInterval, cancellationToken)) != advancing)
                {
                    // A stop ends the run now rather than after a tick that may train for minutes: the clock
                    // finishes the tick on its own and the run never writes it.
                    cancellationToken.ThrowIfCancellationRequested();

                    var status = await clock.GetStatusAsync();
                    if (status.Training.Count > 0)
                    {
                        progress.Report(new RunProgress(tick, scenario.Ticks, published, trained, stopwatch.Elapsed) { Training = status.Training });
                    }
                }

                var report = await advancing;
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
            await ReleaseAsync(clock);
            throw;
        }
        catch (Exception e)
        {
            RecordEnd(output, RunStatusKind.Failed, e.Message, outputDirectory);
            await ReleaseAsync(clock);
            throw;
        }

        output.Finish(RunStatusKind.Completed, null, FilesOf(outputDirectory));
        await ReleaseAsync(clock);
        return new RunResult(outputDirectory, output.Manifest, rows);
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
