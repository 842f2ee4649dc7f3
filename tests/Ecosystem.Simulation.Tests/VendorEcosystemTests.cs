using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Several vendors on one web: growing deployments, and the who-trained-on-whom matrix from provenance.</summary>
public class VendorEcosystemTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "vendor-ecosystem", "seed": 5, "ticks": 4,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 48, "maxDocuments": 300 } },
          "humans": { "authors": 20, "initialDocuments": 150, "documentsPerTick": 50 },
          "vendors": [
            { "name": "big", "deployment": { "documentsPerTick": 40, "growth": 0.5 } },
            { "name": "small", "release": { "first": 1, "every": 1 }, "deployment": { "documentsPerTick": 30 } },
            { "name": "island", "training": { "sources": "self" }, "deployment": { "documentsPerTick": 20 } }
          ],
          "metrics": { "heldOutDocuments": 40 }
        }
        """;

    [Fact]
    public async Task Training_sources_sum_to_one_match_the_synthetic_share_and_an_isolated_vendor_never_sees_the_others()
    {
        var rows = (await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario))).Metrics;

        foreach (var group in rows.Where(r => r.Metric == MetricNames.TrainingSourceShare).GroupBy(r => (r.Tick, r.Vendor)))
        {
            Assert.Equal(["human", "big", "small", "island"], group.Select(r => r.Label));
            Assert.Equal(1, group.Sum(r => r.Value), 12);
            var synthetic = ScenarioRuns.Value(rows, MetricNames.TrainingSyntheticShare, group.Key.Tick, group.Key.Vendor);
            Assert.Equal(synthetic, group.Where(r => r.Label != "human").Sum(r => r.Value), 12);
        }

        // big scraped the whole web at tick 3: everyone's output published before then is in it.
        var big = rows.Where(r => r is { Metric: MetricNames.TrainingSourceShare, Tick: 3, Vendor: "big" }).ToDictionary(r => r.Label, r => r.Value);
        Assert.All(["big", "small", "island"], source => Assert.True(big[source] > 0, $"big trained on {source}'s output"));

        var island = rows.Where(r => r is { Metric: MetricNames.TrainingSourceShare, Vendor: "island" } && r.Tick > 0).ToList();
        Assert.NotEmpty(island);
        Assert.All(island.Where(r => r.Label is "big" or "small"), r => Assert.Equal(0, r.Value));
        Assert.All(island.Where(r => r.Label == "island"), r => Assert.True(r.Value > 0));
    }

    [Fact]
    public async Task A_growing_deployment_publishes_documentsPerTick_times_one_plus_growth_per_tick_since_its_first_release()
    {
        var rows = (await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario))).Metrics;
        double Synthetic(int tick) => ScenarioRuns.Value(rows, MetricNames.DocumentsSynthetic, tick, "");

        // Per tick: big 40, 60, 90, 135; small from tick 1: 30; island 20.
        int[] expected = [40 + 20, 60 + 30 + 20, 90 + 30 + 20, 135 + 30 + 20];
        for (var tick = 0; tick < 4; tick++)
        {
            Assert.Equal(expected[tick], Synthetic(tick) - (tick == 0 ? 0 : Synthetic(tick - 1)));
        }
    }
}
