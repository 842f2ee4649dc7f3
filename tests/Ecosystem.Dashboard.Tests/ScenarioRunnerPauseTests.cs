using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The pause gate inside <see cref="ScenarioRunner"/>, on the dashboard's embedded silo.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ScenarioRunnerPauseTests(DashboardFixture dashboard) : IDisposable
{
    private readonly TempDirectory _output = new();

    public void Dispose() => _output.Dispose();

    private ScenarioRunner Runner => new(dashboard.App.Services.GetRequiredService<IGrainFactory>());

    [Fact]
    public async Task Runner_paused_after_a_tick_writes_that_tick_then_waits_before_the_next()
    {
        const int ticks = 5, pauseAfter = 2;
        var scenario = ScenarioLoader.Parse(TestScenarios.Gaussian(ticks, "runner-pause"));
        var gate = new RunPauseGate();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.HoldingChanged += holding => { if (holding) { held.TrySetResult(); } };
        var pauser = new SynchronousProgress(p => { if (p.CompletedTicks == pauseAfter && p.Training.Count == 0) { gate.Pause(); } });

        var running = Runner.RunAsync(scenario, _output.Path, pauser, CancellationToken.None, pauseGate: gate);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        Assert.False(running.IsCompleted);
        var manifest = RunOutput.ReadManifest(_output.Path);
        Assert.Equal((RunStatusKind.Running, pauseAfter), (manifest.Status, manifest.CompletedTicks));

        gate.Resume();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((RunStatusKind.Completed, ticks), (result.Manifest.Status, result.Manifest.CompletedTicks));
        Assert.Equal(ticks, result.Metrics.Select(r => r.Tick).Distinct().Count());
    }

    [Fact]
    public async Task Runner_stopped_while_paused_ends_cancelled_with_the_ticks_written_so_far()
    {
        var scenario = ScenarioLoader.Parse(TestScenarios.Gaussian(5, "runner-stop"));
        var gate = new RunPauseGate();
        gate.Pause();
        using var stop = new CancellationTokenSource();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.HoldingChanged += holding => { if (holding) { held.TrySetResult(); } };

        var running = Runner.RunAsync(scenario, _output.Path, null, stop.Token, pauseGate: gate);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
        var manifest = RunOutput.ReadManifest(_output.Path);
        Assert.Equal((RunStatusKind.Cancelled, 0), (manifest.Status, manifest.CompletedTicks));
    }

    [Fact]
    public async Task Runner_reports_each_ticks_rows_as_written_to_metrics_csv()
    {
        var scenario = ScenarioLoader.Parse(TestScenarios.Gaussian(3, "runner-rows"));
        var reported = new List<Abstractions.Metrics.MetricRow>();
        var ticks = new List<int>();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Training.Count == 0)
            {
                ticks.Add(p.CompletedTicks);
                reported.AddRange(p.Metrics);
            }
        });

        var result = await Runner.RunAsync(scenario, _output.Path, progress);

        Assert.Equal([1, 2, 3], ticks);
        Assert.Equal(
            Metrics.MetricsCsv.Read(Path.Combine(_output.Path, RunFiles.Metrics)).Select(Metrics.MetricsCsv.FormatRow),
            reported.Select(Metrics.MetricsCsv.FormatRow));
        Assert.Equal(result.Metrics.Count, reported.Count);
    }

    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
