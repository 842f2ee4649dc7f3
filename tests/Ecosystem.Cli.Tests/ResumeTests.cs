using System.Diagnostics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Cli.Tests;

/// <summary><c>ecosystem run --resume DIR</c> on the embedded default: an interrupted run continues from its last
/// completed tick and ends with the files of a run that was never interrupted; a history that does not match, a
/// completed run, or an unreachable cluster give clear errors and change nothing that was written.</summary>
public sealed class ResumeTests : IDisposable
{
    private const int Ticks = 5;
    private readonly TinyRun _run = new();

    [Fact]
    public async Task A_run_stopped_after_two_ticks_resumes_on_a_fresh_silo_and_ends_with_the_files_of_an_uninterrupted_run()
    {
        var scenario = Scenario();
        var reference = Path.Combine(_run.Directory, "reference");
        var whole = await CliInvocation.InProcessAsync("run", scenario, "--out", reference, "--no-plots");
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Error);

        await StopAfterTwoTicksAsync(scenario);
        var stopped = RunOutput.ReadManifest(_run.OutputDirectory);
        Assert.Equal(RunStatusKind.Cancelled, stopped.Status);
        Assert.Equal(2, stopped.CompletedTicks);

        var resumed = await CliInvocation.InProcessAsync("run", "--resume", _run.OutputDirectory, "--no-plots");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Contains($"after 2 of {Ticks} ticks", resumed.Output);
        // A new embedded silo kept nothing of the run: ticks 0 and 1 are computed again and checked against the files.
        Assert.Contains("ticks 0..1 are computed again and checked", resumed.Error);
        var manifest = RunOutput.ReadManifest(_run.OutputDirectory);
        Assert.Equal(RunStatusKind.Completed, manifest.Status);
        Assert.Equal(Ticks, manifest.CompletedTicks);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, RunFiles.Metrics)), await File.ReadAllBytesAsync(Path.Combine(_run.OutputDirectory, RunFiles.Metrics)));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(reference, RunFiles.Samples)), await File.ReadAllTextAsync(Path.Combine(_run.OutputDirectory, RunFiles.Samples)));
    }

    [Fact]
    public async Task A_resume_whose_recomputed_ticks_differ_from_the_files_stops_and_keeps_the_files_as_they_were()
    {
        await StopAfterTwoTicksAsync(Scenario());
        var metrics = Path.Combine(_run.OutputDirectory, RunFiles.Metrics);
        var lines = await File.ReadAllLinesAsync(metrics);
        var row = Array.FindIndex(lines, l => l.StartsWith("1,", StringComparison.Ordinal));
        var cells = lines[row].Split(',');
        cells[^1] = "12345";
        lines[row] = string.Join(',', cells);
        await File.WriteAllLinesAsync(metrics, lines);
        var tampered = await File.ReadAllBytesAsync(metrics);

        var resumed = await CliInvocation.InProcessAsync("run", "--resume", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.InvalidInput, resumed.ExitCode);
        Assert.False(resumed.ShowsCrash, resumed.Error);
        Assert.Contains("tick 1 computed again differs", resumed.Error);
        Assert.Contains("12345", resumed.Error);
        Assert.Equal(tampered, await File.ReadAllBytesAsync(metrics));
        Assert.NotEqual(RunStatusKind.Completed, RunOutput.ReadManifest(_run.OutputDirectory).Status);
    }

    [Fact]
    public async Task A_completed_run_or_a_scenario_given_with_resume_is_refused()
    {
        var scenario = Scenario();
        Assert.Equal(ExitCodes.Success, (await CliInvocation.InProcessAsync("run", scenario, "--out", _run.OutputDirectory, "--no-plots")).ExitCode);

        var completed = await CliInvocation.InProcessAsync("run", "--resume", _run.OutputDirectory);
        var both = await CliInvocation.InProcessAsync("run", scenario, "--resume", _run.OutputDirectory);

        Assert.Equal(ExitCodes.InvalidInput, completed.ExitCode);
        Assert.Contains("has completed; there is nothing to resume", completed.Error);
        Assert.Equal(ExitCodes.InvalidInput, both.ExitCode);
        Assert.Contains("give no scenario file", both.Error);
    }

    [Fact]
    public async Task A_run_on_an_unreachable_Redis_fails_with_a_clear_error_and_writes_no_run()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await CliInvocation.ProcessAsync(TimeSpan.FromMinutes(3),
            "run", Scenario(), "--cluster", "redis", "--redis", $"127.0.0.1:{UnusedPort()}", "--out", _run.OutputDirectory);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains("Cannot reach the cluster (redis 127.0.0.1:", result.Error);
        Assert.False(File.Exists(Path.Combine(_run.OutputDirectory, RunFiles.Manifest)), "no run folder that could look like a run");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"it took {stopwatch.Elapsed} to give up");
    }

    public void Dispose() => _run.Dispose();

    private string Scenario() => _run.Scenario(s => s["ticks"] = Ticks);

    /// <summary>Runs the scenario as <c>ecosystem run</c> does and stops it (as Ctrl+C does) once two ticks are written.</summary>
    private async Task StopAfterTwoTicksAsync(string scenarioPath)
    {
        using var stop = new CancellationTokenSource();
        await using var silo = await EmbeddedCluster.StartAsync();
        var runner = new ScenarioRunner(silo.Client);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunAsync(ScenarioLoader.LoadFile(scenarioPath), _run.OutputDirectory, new StopAfter(2, stop), stop.Token));
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Cancels once the runner reports <paramref name="ticks"/> completed ticks (it reports synchronously between ticks).</summary>
    private sealed class StopAfter(int ticks, CancellationTokenSource stop) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.CompletedTicks >= ticks && value.Metrics.Count > 0)
            {
                stop.Cancel();
            }
        }
    }
}
