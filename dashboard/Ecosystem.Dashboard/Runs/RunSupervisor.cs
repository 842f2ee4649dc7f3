using Ecosystem.Dashboard.Live;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Microsoft.AspNetCore.SignalR;

namespace Ecosystem.Dashboard.Runs;

/// <summary>Starts runs on the cluster with <see cref="ScenarioRunner"/> (which writes the usual run files), records
/// and pushes each completed tick, and carries out pause, resume and stop. When the dashboard shuts down, runs in
/// progress are stopped, so their run.json says "cancelled" rather than "running".</summary>
public sealed class RunSupervisor(IGrainFactory grains, RunRegistry registry, LiveUpdates updates, DashboardSettings settings, ILogger<RunSupervisor> log)
    : IHostedService
{
    private readonly Lock _starting = new();
    private readonly List<(LiveRun Run, Task Execution)> _executions = [];

    /// <summary>Starts <paramref name="scenario"/> (a fork when <paramref name="fork"/> is given).</summary>
    /// <returns>The run, or null when <see cref="DashboardSettings.MaxConcurrentRuns"/> runs are in progress already.</returns>
    public LiveRun? TryStart(Scenario scenario, RunFork? fork = null)
    {
        LiveRun run;
        lock (_starting)
        {
            if (registry.InProgress >= settings.MaxConcurrentRuns)
            {
                return null;
            }

            run = registry.Add(scenario.Name, scenario.Seed,
                (id, directory) => new LiveRun(id, directory, scenario.Name, scenario.Seed, scenario.Ticks, fork));
        }

        run.Gate.HoldingChanged += _ => PostStatus(run);
        var execution = Task.Run(() => ExecuteAsync(run, scenario, fork));
        lock (_starting)
        {
            _executions.Add((run, execution));
        }

        PostStatus(run);
        return run;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<(LiveRun Run, Task Execution)> executions;
        lock (_starting)
        {
            executions = [.. _executions];
        }

        foreach (var (run, _) in executions)
        {
            await run.Stop.CancelAsync();
        }

        await Task.WhenAll(executions.Select(e => e.Execution)).WaitAsync(cancellationToken);
    }

    /// <summary>Asks the run to stop before its next tick.</summary>
    public void Pause(LiveRun run)
    {
        if (run.Gate.Pause())
        {
            PostStatus(run);
        }
    }

    /// <summary>Lets a paused run go on.</summary>
    public void Resume(LiveRun run)
    {
        if (run.Gate.Resume())
        {
            PostStatus(run);
        }
    }

    /// <summary>Stops the run: it ends at once (a tick in progress is not written) and its run.json says "cancelled".</summary>
    public void Stop(LiveRun run)
    {
        run.Stop.Cancel();
        PostStatus(run);
    }

    private async Task ExecuteAsync(LiveRun run, Scenario scenario, RunFork? fork)
    {
        var progress = new TickRecorder(run, this);
        try
        {
            var result = await new ScenarioRunner(grains).RunAsync(scenario, run.Directory, progress, run.Stop.Token, fork, run.Gate);
            WritePlots(run, result);
            run.Finish(RunState.Completed, null);
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            run.Finish(RunState.Cancelled, null);
        }
        catch (Exception e)
        {
            log.LogError(e, "Run {Run} failed.", run.Id);
            run.Finish(RunState.Failed, e.Message);
        }

        PostStatus(run);
    }

    private void WritePlots(LiveRun run, RunResult result)
    {
        try
        {
            RunPlots.WriteAll(result.Metrics, Path.Combine(run.Directory, RunFiles.Plots));
            RunOutput.RecordFiles(run.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // The run's results are whole without them; say so and keep the run completed.
            log.LogWarning(e, "Plots of run {Run} could not be written.", run.Id);
        }
    }

    private void PostStatus(LiveRun run)
    {
        var summary = run.Summary();
        updates.Post(clients => clients.All.SendAsync(RunHub.StatusMessage, summary));
    }

    private void PostTick(LiveRun run, int completedTicks, IReadOnlyList<Abstractions.Metrics.MetricRow> rows)
    {
        // Recorded before it is sent, so a page that starts watching now gets the tick in its history or in a push.
        run.AppendTick(completedTicks, rows);
        var update = new TickUpdate(run.Id, completedTicks - 1, run.Summary(), rows);
        updates.Post(clients => clients.Group(RunHub.GroupOf(run.Id)).SendAsync(RunHub.TickMessage, update));
        PostStatus(run);
    }

    /// <summary>Receives the runner's reports synchronously, in order (unlike <see cref="Progress{T}"/>, which posts
    /// them to the thread pool).</summary>
    private sealed class TickRecorder(LiveRun run, RunSupervisor supervisor) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Training.Count == 0)
            {
                supervisor.PostTick(run, value.CompletedTicks, value.Metrics);
            }
        }
    }
}
