using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Runs;
using Ecosystem.Scenarios;
using Orleans.Core.Internal;

namespace Ecosystem.Simulation.Tests;

/// <summary>The transformer family inside the ecosystem: Shumailov et al.'s protocol (fine-tuning from generation 0,
/// real prompts, beam search), checkpoints that survive a deactivation, and a silo that keeps answering while a model
/// trains. Configurations are tiny; the full protocol lives in scenarios/nature-protocol.json.</summary>
public class TransformerThroughTheEcosystemTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    internal const string Protocol = """
        {
          "name": "tiny-nature-protocol", "seed": 3, "ticks": 3,
          "data": { "kind": "text", "text": { "documentTokens": 32, "maxDocuments": 200 } },
          "humans": { "authors": 20, "initialDocuments": 200, "documentsPerTick": 0, "lastTick": 0 },
          "vendors": [
            {
              "name": "opt",
              "model": { "family": "transformer", "transformer": { "layers": 1, "heads": 2, "width": 32, "context": 32, "epochs": 2, "fineTuneEpochs": 1, "device": "cpu" } },
              "training": { "policy": "replace", "sources": "self", "initialWeights": "generation0" },
              "decoding": { "beams": 2, "prompts": "human", "promptTokens": 16 },
              "deployment": { "documentsPerTick": 200, "documentLength": 16 }
            }
          ],
          "metrics": { "heldOutDocuments": 50, "samplesPerTick": 200 }
        }
        """;

    [Fact]
    public async Task Later_generations_are_fine_tuned_from_generation_zero_on_continuations_of_real_prompts()
    {
        var result = await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(Protocol));
        var rows = result.Metrics;

        Assert.Equal(2, ScenarioRuns.Value(rows, MetricNames.TrainingEpochs, 0, "opt"));
        for (var tick = 1; tick < 3; tick++)
        {
            Assert.Equal(1, ScenarioRuns.Value(rows, MetricNames.TrainingEpochs, tick, "opt"));
            Assert.Equal(1.0, ScenarioRuns.Value(rows, MetricNames.TrainingSyntheticShare, tick, "opt"));
            // Fine-tuning keeps generation 0's vocabulary: the embedding does not change size.
            Assert.Equal(ScenarioRuns.Value(rows, MetricNames.ModelVocabularySize, 0, "opt"), ScenarioRuns.Value(rows, MetricNames.ModelVocabularySize, tick, "opt"));
            Assert.True(ScenarioRuns.Value(rows, MetricNames.HeldoutPerplexity, tick, "opt") > 1);
        }

        // Every synthetic document continues a real training document and says which.
        var samples = await File.ReadAllLinesAsync(Path.Combine(result.OutputDirectory, "samples.jsonl"));
        var synthetic = samples.Where(l => l.Contains("\"model\"", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(600, synthetic.Count);
        Assert.All(synthetic, line => Assert.Matches("\"sourceDocumentId\":\"[^\"]+\"", line));
    }

    [Fact]
    public async Task A_vendor_with_validation_documents_keeps_each_generations_best_epoch_on_them()
    {
        var scenario = ScenarioRuns.Parse(Protocol.Replace(
            "\"initialWeights\": \"generation0\" }",
            "\"initialWeights\": \"generation0\", \"validationDocuments\": 20 }",
            StringComparison.Ordinal).Replace("\"epochs\": 2, \"fineTuneEpochs\": 1", "\"epochs\": 3, \"fineTuneEpochs\": 2", StringComparison.Ordinal));
        var result = await ScenarioRuns.RunAsync(fixture.Handle, scenario with { Ticks = 2 });
        var rows = result.Metrics;
        foreach (var (tick, epochs) in new[] { (0, 3), (1, 2) })
        {
            var losses = Enumerable.Range(1, epochs)
                .Select(e => ScenarioRuns.Value(rows, MetricNames.TrainingValidationLoss, tick, "opt", e.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            Assert.All(losses, l => Assert.True(double.IsFinite(l) && l > 0));
            Assert.Equal(losses.IndexOf(losses.Min()) + 1, ScenarioRuns.Value(rows, MetricNames.TrainingSelectedEpoch, tick, "opt"));
        }
    }

    [Fact]
    public void Validation_documents_beyond_the_held_out_split_are_refused_naming_the_field()
    {
        var scenario = ScenarioRuns.Parse(Protocol.Replace(
            "\"initialWeights\": \"generation0\" }",
            "\"initialWeights\": \"generation0\", \"validationDocuments\": 100000 }",
            StringComparison.Ordinal));
        var spec = new RunSpec("validation-too-many", ScenarioJson.Serialize(scenario));
        var e = Assert.Throws<ScenarioValidationException>(() => RunContext.LoadAsync(spec).GetAwaiter().GetResult());
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.vendors[0].training.validationDocuments", error.Path);
        Assert.Contains("found 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reactivated_generation_reloads_its_checkpoint_instead_of_retraining()
    {
        var (training, generation, documents) = StartTraining("checkpoint", epochs: 1);
        await training;
        var before = await generation.PerplexitiesAsync(documents);

        await generation.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(500);
        var after = await generation.PerplexitiesAsync(documents);

        Assert.Equal(before, after);
    }

    private (Task Training, IModelGenerationGrain Generation, IReadOnlyList<DocumentContent> Probe) StartTraining(string name, int epochs)
    {
        var run = DirectTraining.Prepare(fixture.Handle, Protocol, name, epochs);
        return (run.StartAsync(), run.Generation, run.Probe);
    }
}
