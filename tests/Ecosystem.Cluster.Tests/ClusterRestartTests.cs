using Ecosystem.Runner;
using Xunit.Abstractions;

namespace Ecosystem.Cluster.Tests;

/// <summary>The whole cluster (and the run's own process) stopped mid-run and started again: the run resumes from its
/// last completed tick, from the state the cluster kept, and ends as if it had never stopped.</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class ClusterRestartTests(LocalClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_run_whose_cluster_was_stopped_mid_run_resumes_from_its_last_completed_tick_with_identical_metrics()
    {
        await cluster.UpAsync();
        var reference = await cluster.ReferenceAsync();
        var folder = Path.Combine(cluster.Root, "cluster-restarted");

        using (var run = CommandLineProcess.Start(cluster.Root, "run", cluster.ScenarioFile, "--cluster", "redis", "--redis", cluster.Redis, "--out", folder, "--no-plots"))
        {
            await LocalClusterFixture.WaitForTicksAsync(folder, 4, run);
            run.Kill();
            output.WriteLine(run.Output);
        }

        await cluster.DownAsync();
        var (statusCode, status) = await CommandLineProcess.RunAsync(cluster.Root, TimeSpan.FromMinutes(1), "cluster", "status", "--dir", cluster.ClusterDirectory);
        Assert.Equal(1, statusCode);
        Assert.Equal(1 + cluster.State.Silos.Count, status.Split('\n').Count(l => l.Contains("stopped", StringComparison.Ordinal)));
        var stoppedAt = RunOutput.ReadManifest(folder);
        Assert.InRange(stoppedAt.CompletedTicks, 4, FaultScenario.Ticks - 1);
        Assert.Equal(RunStatusKind.Running, stoppedAt.Status);

        await cluster.UpAsync();
        var resumed = await cluster.RunToEndAsync("run", "--resume", folder, "--cluster", "redis", "--redis", cluster.Redis, "--no-plots");
        output.WriteLine(resumed);

        Assert.Contains($"the cluster kept the run's state: it continues from tick {stoppedAt.CompletedTicks}", resumed, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, RunFiles.Metrics)), await File.ReadAllBytesAsync(Path.Combine(folder, RunFiles.Metrics)));
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(folder).Status);
    }
}
