using System.Diagnostics;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Orleans.Core.Internal;

namespace Ecosystem.Simulation.Tests;

/// <summary>The transformer family inside the ecosystem: Shumailov et al.'s protocol (fine-tuning from generation 0,
/// real prompts, beam search), checkpoints that survive a deactivation, and a silo that keeps answering while a model
/// trains. Configurations are tiny; the full protocol lives in scenarios/nature-protocol.json.</summary>
public class TransformerThroughTheEcosystemTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const string Protocol = """
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

    [Fact]
    public async Task Grains_answer_promptly_while_a_model_trains_and_the_clock_shows_its_progress()
    {
        var (warmUp, generation, documents) = StartTraining("warm-up", epochs: 1);
        await warmUp;
        // Training must outlast many pings on any machine, so its length follows this machine's speed: one timed
        // epoch (after the warm-up paid for JIT and native loading) sets how many make about three seconds.
        var timer = Stopwatch.StartNew();
        await StartTraining("timed-epoch", epochs: 1).Training;
        var epochs = (int)Math.Clamp(Math.Ceiling(3000 / Math.Max(1, timer.Elapsed.TotalMilliseconds)), 12, 1000);
        var (training, _, _, runId) = StartTrainingOfRun("responsive", epochs);

        var shard = fixture.Handle.Cluster.GrainFactory.GetGrain<ICorpusShardGrain>("ping/shard");
        var clock = fixture.Handle.Cluster.GrainFactory.GetGrain<IScenarioClockGrain>(runId);
        var latencies = new List<double>();
        var reports = new List<TrainingActivity>();
        while (!training.IsCompleted)
        {
            var stopwatch = Stopwatch.StartNew();
            await shard.GetTickAsync(0);
            var status = await clock.GetStatusAsync();
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            reports.AddRange(status.Training);
            await Task.Delay(50);
        }

        await training;
        Assert.True(latencies.Count >= 5, $"training finished after only {latencies.Count} pings of {epochs} epochs");
        // A turn on a free grain is sub-millisecond; a second means the scheduler was blocked by training.
        Assert.True(latencies.Max() < 1000, $"slowest answer while training: {latencies.Max():F0} ms");
        Assert.NotEmpty(reports);
        Assert.All(reports, r =>
        {
            Assert.Equal("opt", r.Vendor);
            Assert.Equal(epochs, r.Epochs);
            Assert.InRange(r.Epoch, 1, epochs);
            Assert.InRange(r.Step, 1, r.Steps);
            Assert.True(r.Loss > 0 && double.IsFinite(r.Loss));
            Assert.True(r.TokensPerSecond > 0);
        });
        Assert.NotEmpty(await generation.PerplexitiesAsync(documents));
    }

    /// <summary>Starts training generation 0 of a fresh one-vendor run by calling its grain directly, on random token
    /// documents.</summary>
    private (Task Training, IModelGenerationGrain Generation, IReadOnlyList<DocumentContent> Probe) StartTraining(string name, int epochs)
    {
        var (training, generation, probe, _) = StartTrainingOfRun(name, epochs);
        return (training, generation, probe);
    }

    private (Task Training, IModelGenerationGrain Generation, IReadOnlyList<DocumentContent> Probe, string RunId) StartTrainingOfRun(string name, int epochs)
    {
        var scenario = Protocol.Replace("\"epochs\": 2", $"\"epochs\": {epochs}", StringComparison.Ordinal);
        var spec = new RunSpec($"{name}-{Guid.NewGuid():N}", scenario);
        var random = new Random(5);
        var documents = Enumerable.Range(0, 300).Select(_ => DocumentContent.FromTokens(Enumerable.Range(0, 32).Select(_ => random.Next(300)).ToArray())).ToList();
        var trainingSet = documents.Select((d, i) => new Document(
            $"d{i:D5}", 0, TickPhase.HumansPublish, new Provenance(AuthorKind.Human, "a", "", -1, "news", false, $"d{i}"), d)).ToList();
        var grain = fixture.Handle.Cluster.GrainFactory.GetGrain<IModelGenerationGrain>(new WorldAddress(spec.RunId, 0).Generation("opt", 0));
        return (grain.TrainAsync(new GenerationSetup(spec, 0, 0, 0, 0), trainingSet), grain, documents.Take(20).ToList(), spec.RunId);
    }
}
