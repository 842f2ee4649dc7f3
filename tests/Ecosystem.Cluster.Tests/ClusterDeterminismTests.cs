using Ecosystem.Runner;

namespace Ecosystem.Cluster.Tests;

/// <summary>The same scenario and seed give the same files on the embedded default and on a three-silo Redis cluster.</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class ClusterDeterminismTests(LocalClusterFixture cluster)
{
    [Fact]
    public async Task The_embedded_default_and_a_three_silo_Redis_cluster_write_byte_identical_metrics()
    {
        await cluster.UpAsync();
        var reference = await cluster.ReferenceAsync();
        var folder = Path.Combine(cluster.Root, "determinism");

        await cluster.RunToEndAsync("run", cluster.ScenarioFile, "--cluster", "redis", "--redis", cluster.Redis, "--out", folder, "--no-plots");

        var expected = await File.ReadAllBytesAsync(Path.Combine(reference, RunFiles.Metrics));
        Assert.True(expected.Length > 10_000, "the reference run wrote metrics");
        Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(folder, RunFiles.Metrics)));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(reference, RunFiles.Samples)), await File.ReadAllTextAsync(Path.Combine(folder, RunFiles.Samples)));
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(folder).Status);
    }
}
