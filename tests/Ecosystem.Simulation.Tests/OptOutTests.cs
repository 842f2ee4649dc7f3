using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Crawler opt-outs through the ecosystem: two vendors crawl the same web while a growing share of the
/// authors opts out; the one that respects the opt-outs never trains on an opted-out author and makes up with
/// synthetic text, the one that ignores them keeps training on them.</summary>
public class OptOutTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "opt-outs", "seed": 9, "ticks": 4,
          "data": { "kind": "text", "text": { "documentTokens": 64, "maxDocuments": 2000 } },
          "humans": { "authors": 120, "initialDocuments": 800, "documentsPerTick": 200,
                      "optOut": { "share": 0.2, "growthPerTick": 0.15 } },
          "vendors": [
            { "name": "respects", "training": { "policy": "accumulate" }, "deployment": { "documentsPerTick": 300 } },
            { "name": "ignores", "training": { "policy": "accumulate", "respectOptOut": false }, "deployment": { "documentsPerTick": 300 } }
          ],
          "metrics": { "heldOutDocuments": 100 }
        }
        """;

    [Fact]
    public async Task A_respecting_vendor_drops_every_opted_out_author_and_trains_on_more_synthetic_text()
    {
        var rows = (await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Scenario))).Metrics;
        double Value(string metric, int tick, string vendor) => ScenarioRuns.Value(rows, metric, tick, vendor);

        for (var tick = 0; tick < 4; tick++)
        {
            // Accumulated data included: an author who opts out later takes their old documents out too.
            Assert.Equal(0, Value(MetricNames.TrainingOptedOutDocuments, tick, "respects"));
            Assert.True(Value(MetricNames.TrainingOptedOutDocuments, tick, "ignores") > 0, $"tick {tick}");
            Assert.Equal(Value(MetricNames.CrawlOptedOutShare, tick, "respects"), Value(MetricNames.CrawlOptedOutShare, tick, "ignores"));
            if (tick > 0)
            {
                // Generation 0 trains on human text only, whoever it respects; later ones mix in synthetic text.
                Assert.True(Value(MetricNames.TrainingHumanShare, tick, "respects") < Value(MetricNames.TrainingHumanShare, tick, "ignores"), $"tick {tick}");
                Assert.True(Value(MetricNames.TrainingSyntheticShare, tick, "respects") > Value(MetricNames.TrainingSyntheticShare, tick, "ignores"), $"tick {tick}");
            }
        }

        // The opted-out share of what is crawled grows with the authors' share (20% at tick 0, 65% at tick 3).
        Assert.True(Value(MetricNames.CrawlOptedOutShare, 3, "respects") > Value(MetricNames.CrawlOptedOutShare, 0, "respects") + 0.2);
    }
}
