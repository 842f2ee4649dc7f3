using Ecosystem.Runner;
using Xunit.Abstractions;

namespace Ecosystem.Cluster.Tests;

/// <summary>Redis killed and started again mid-run: nothing is corrupted; the run rides it out (or stops with a clear
/// error and resumes) and ends with the undisturbed run's metrics.</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class RedisRestartTests(LocalClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_Redis_restart_mid_run_leaves_the_metrics_identical()
    {
        await cluster.UpAsync();
        var reference = await cluster.ReferenceAsync();
        var folder = Path.Combine(cluster.Root, "redis-restarted");

        using var run = CommandLineProcess.Start(cluster.Root, "run", cluster.ScenarioFile, "--cluster", "redis", "--redis", cluster.Redis, "--out", folder, "--no-plots");
        await LocalClusterFixture.WaitForTicksAsync(folder, 3, run);
        LocalClusterFixture.Kill(cluster.State.Redis);
        var ticksWhenKilled = RunOutput.ReadManifest(folder).CompletedTicks;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.UpAsync();
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(4));
        output.WriteLine(run.Output);

        Assert.True(ticksWhenKilled < FaultScenario.Ticks, $"the run had finished ({ticksWhenKilled} ticks) when Redis was killed");
        // Whether the client sees the outage depends on where it lands: a state write the silo makes while Redis is down
        // may wait inside the Redis client and succeed once Redis is back (the tick is then only slower), or fail and
        // reach the runner, which then says so on the console ("Cluster: ...") and retries. Either way the rows must be
        // the same; a run that gave up must have said why.
        if (exitCode != 0)
        {
            // The outage outlasted the retries: the run must say so, point to --resume, and resume.
            Assert.True(exitCode == 1, run.Output);
            Assert.Contains("Cluster: ", run.Output, StringComparison.Ordinal);
            Assert.Contains("--resume", run.Output, StringComparison.Ordinal);
            Assert.Equal(RunStatusKind.Failed, RunOutput.ReadManifest(folder).Status);
            output.WriteLine(await cluster.RunToEndAsync("run", "--resume", folder, "--cluster", "redis", "--redis", cluster.Redis, "--no-plots"));
        }

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, RunFiles.Metrics)), await File.ReadAllBytesAsync(Path.Combine(folder, RunFiles.Metrics)));
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(folder).Status);
    }
}
