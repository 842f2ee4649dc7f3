using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Simulation.Tests;

/// <summary>A finished run leaves nothing behind in a long-lived cluster.</summary>
public class RunReleaseTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "release", "seed": 2, "ticks": 2,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 32, "maxDocuments": 200 } },
          "humans": { "authors": 10, "initialDocuments": 60, "documentsPerTick": 20 },
          "vendors": [ { "name": "acme", "deployment": { "documentsPerTick": 30 } } ],
          "metrics": { "heldOutDocuments": 20 }
        }
        """;

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 60 + 20 + 20 + 30 + 30)]
    public async Task After_a_run_its_shards_are_empty_unless_the_runner_keeps_them(bool keep, int expectedDocuments)
    {
        var result = await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario), keepGrains: keep);

        var world = new WorldAddress(result.Manifest.RunId, 0);
        var documents = await Task.WhenAll(Enumerable.Range(0, 4).Select(s => cluster.Handle.Cluster.Client.GetGrain<ICorpusShardGrain>(world.Shard(s))
            .ScrapeAsync(new ScrapeQuery(-1, TickPhase.HumansPublish, 10, null))));

        Assert.Equal(expectedDocuments, documents.Sum(d => d.Count));
    }
}
