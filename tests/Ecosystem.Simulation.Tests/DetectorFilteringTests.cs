using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Zero-shot detection through the ecosystem: the threshold is set on held-out human text for its target
/// false-positive rate, and a detector whose reference wrote the scraped text tells it from human text.</summary>
public class DetectorFilteringTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const double Target = 0.05;

    private const string Scenario = """
        {
          "name": "detector", "seed": 23, "ticks": 3,
          "data": { "kind": "text", "text": { "documentTokens": 64, "maxDocuments": 2000 } },
          "humans": { "authors": 40, "initialDocuments": 600, "documentsPerTick": 200 },
          "vendors": [
            { "name": "perplexity", "training": { "sources": "self", "filters": [ { "kind": "detector", "score": "perplexity", "falsePositiveRate": 0.05 } ] },
              "deployment": { "documentsPerTick": 400 } },
            { "name": "binoculars", "training": { "sources": "self", "filters": [ { "kind": "detector", "score": "binoculars", "falsePositiveRate": 0.05 } ] },
              "deployment": { "documentsPerTick": 400 } }
          ],
          "metrics": { "heldOutDocuments": 200 }
        }
        """;

    private static readonly string WithBase = $$"""
        {
          "name": "base-detector", "seed": 3, "ticks": 3,
          {{TinyBase.DataAndHumans}},
          "vendors": [
            {
              "name": "tuned",
              "model": {{TinyBase.Model(1, 1e-3)}},
              "training": { "policy": "replace", "sources": "self", "initialWeights": "base",
                            "filters": [ { "kind": "detector", "reference": "base", "falsePositiveRate": 0.1 } ] },
              "decoding": { "prompts": "human", "promptTokens": 16 },
              "deployment": { "documentsPerTick": 60, "documentLength": 16 }
            }
          ],
          "metrics": { "heldOutDocuments": 60, "samplesPerTick": 0 }
        }
        """;

    [Fact]
    public async Task A_detector_may_score_under_the_vendors_pretrained_base()
    {
        var rows = (await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(WithBase))).Metrics;

        foreach (var tick in new[] { 1, 2 })
        {
            var heldOut = ScenarioRuns.Value(rows, MetricNames.DetectorHeldOutFalsePositiveRate, tick, "tuned", "0:detector");
            Assert.InRange(heldOut, 0.1 - 1.0 / 60, 0.1);
            // People publish only at tick 0, so the later crawls are all machine text: a true-positive rate, no AUC.
            Assert.True(double.IsFinite(ScenarioRuns.Value(rows, MetricNames.DetectorThreshold, tick, "tuned", "0:detector")));
            Assert.InRange(ScenarioRuns.Value(rows, MetricNames.DetectorTruePositiveRate, tick, "tuned", "0:detector"), 0, 1);
        }
    }

    [Fact]
    public async Task The_threshold_holds_its_false_positive_rate_on_held_out_text_and_the_detector_finds_its_reference_output()
    {
        var rows = (await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Scenario))).Metrics;
        double Value(string metric, int tick, string vendor) => ScenarioRuns.Value(rows, metric, tick, vendor, "0:detector");

        foreach (var vendor in new[] { "perplexity", "binoculars" })
        {
            foreach (var tick in new[] { 1, 2 })
            {
                // At most the target share of the held-out human documents, and less than one document below it.
                var heldOut = Value(MetricNames.DetectorHeldOutFalsePositiveRate, tick, vendor);
                Assert.InRange(heldOut, Target - 1.0 / 200, Target);
            }

            // At tick 1 the scraped machine text is generation 0's own: the detector ranks it below human text.
            Assert.True(Value(MetricNames.DetectorRocAuc, 1, vendor) > 0.9, vendor);
            Assert.True(Value(MetricNames.DetectorTruePositiveRate, 1, vendor) > Value(MetricNames.DetectorFalsePositiveRate, 1, vendor), vendor);
        }
    }
}
