using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Pretrained bases inside the ecosystem: every generation, generation 0 included, is fine-tuned from the
/// base (Shumailov et al.), which is built once and reused; the run reports the base's and a reference trigram's
/// held-out perplexity and the quantiles of its output's perplexity under generation 0.</summary>
public class BaseModelThroughTheEcosystemTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private static readonly string Protocol = $$"""
        {
          "name": "tiny-base-protocol", "seed": 3, "ticks": 3,
          {{TinyBase.DataAndHumans}},
          "vendors": [
            {
              "name": "tuned",
              "model": {{TinyBase.Model(2, 1e-9)}},
              "training": { "policy": "replace", "sources": "self", "initialWeights": "base" },
              "decoding": { "beams": 2, "prompts": "human", "promptTokens": 16, "noRepeatNgramSize": 2 },
              "deployment": { "documentsPerTick": 60, "documentLength": 16 }
            }
          ],
          "metrics": { "heldOutDocuments": 60, "samplesPerTick": 1 }
        }
        """;

    [Fact]
    public async Task Every_generation_starts_from_the_base_and_the_run_reports_the_anchors()
    {
        var rows = (await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Protocol))).Metrics;

        // A learning rate of 1e-9 leaves the weights where they start: a generation fine-tuned from the base scores
        // held-out text as the base does, in every generation, though generations 1 and 2 see only synthetic text.
        var basePerplexity = ScenarioRuns.Value(rows, MetricNames.BaseHeldoutPerplexity, 0, "tuned");
        // Better than uniform over the 50,257 GPT-2 ids, as a model that learned anything is.
        Assert.InRange(basePerplexity, 2, 50_257);
        for (var tick = 0; tick < 3; tick++)
        {
            Assert.Equal(2, ScenarioRuns.Value(rows, MetricNames.TrainingEpochs, tick, "tuned"));
            Assert.Equal(basePerplexity, ScenarioRuns.Value(rows, MetricNames.HeldoutPerplexity, tick, "tuned"), basePerplexity * 1e-3);
            Assert.Equal(602, ScenarioRuns.Value(rows, MetricNames.ModelVocabularySize, tick, "tuned"));
            var median = ScenarioRuns.Value(rows, MetricNames.GeneratedPerplexityGen0Quantile, tick, "tuned", "0.5");
            var top = ScenarioRuns.Value(rows, MetricNames.GeneratedPerplexityGen0Quantile, tick, "tuned", "0.99");
            Assert.True(median > 1 && top >= median, $"tick {tick}: median {median}, 0.99 quantile {top}");
        }

        Assert.True(ScenarioRuns.Value(rows, MetricNames.ReferenceNgramHeldoutPerplexity, 0, "tuned", "3") > 1);
        Assert.DoesNotContain(rows, r => r.Metric == MetricNames.BaseHeldoutPerplexity && r.Tick > 0);

        // Built once, by the first generation, and reused by the later ones.
        Assert.Single(Directory.GetDirectories(TestClusterHandle.BaseDirectory), d => File.Exists(Path.Combine(d, "base.json")));
    }
}
