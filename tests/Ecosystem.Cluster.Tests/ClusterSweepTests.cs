namespace Ecosystem.Cluster.Tests;

/// <summary>A sweep runs its grid in parallel on the three-silo Redis cluster and writes the same tables as on the
/// embedded default.</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class ClusterSweepTests(LocalClusterFixture cluster)
{
    [Fact]
    public async Task A_sweep_on_the_Redis_cluster_writes_the_summary_and_aggregates_of_the_embedded_default()
    {
        await cluster.UpAsync();
        var sweep = Path.Combine(cluster.Root, "policy-sweep.json");
        await File.WriteAllTextAsync(sweep, $$"""
            {
              "name": "policy-sweep",
              "scenario": "{{Path.GetFileName(cluster.ScenarioFile)}}",
              "seeds": { "first": 1, "count": 2 },
              "parameters": [
                { "name": "policy", "paths": ["/vendors/*/training/policy"], "values": ["replace", "accumulate"] },
                { "name": "ticks", "paths": ["/ticks"], "values": [4] }
              ]
            }
            """);
        var embedded = Path.Combine(cluster.Root, "sweep-embedded");
        var redis = Path.Combine(cluster.Root, "sweep-redis");

        await cluster.RunToEndAsync("sweep", sweep, "--out", embedded, "--parallel", "2");
        var output = await cluster.RunToEndAsync("sweep", sweep, "--out", redis, "--parallel", "4", "--cluster", "redis", "--redis", cluster.Redis);

        Assert.Contains("run 4/4 done", output, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.csv", "aggregate.csv" })
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(embedded, file));
            Assert.True(expected.Split('\n').Length > 4, $"{file} has a row per run");
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(redis, file)));
        }
    }
}
