using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Simulation.Tests;

/// <summary>A generation that is no longer deployed leaves memory and comes back, the same model, when it is needed again.</summary>
public class GenerationRetirementTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "retirement",
          "seed": 3,
          "ticks": 2,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 32, "maxDocuments": 50 } },
          "humans": { "authors": 5, "documentsPerTick": 10 },
          "vendors": [ { "name": "opt", "model": { "family": "ngram", "order": 3 } } ]
        }
        """;

    [Fact]
    public async Task A_retired_generation_refits_from_its_saved_training_set_and_scores_exactly_as_before()
    {
        var spec = new RunSpec($"retirement-{Guid.NewGuid():N}", Scenario);
        var random = new Random(9);
        var documents = Enumerable.Range(0, 200).Select(_ => DocumentContent.FromTokens([.. Enumerable.Range(0, 32).Select(_ => random.Next(500))])).ToList();
        var trainingSet = documents.Select((d, i) => new Document(
            $"d{i:D5}", 1, TickPhase.HumansPublish, new Provenance(AuthorKind.Human, "a", "", -1, "news", false, $"d{i}"), d)).ToList();
        var grain = fixture.Handle.Cluster.GrainFactory.GetGrain<IModelGenerationGrain>(new WorldAddress(spec.RunId, 0).Generation("opt", 1));
        await grain.TrainAsync(new GenerationSetup(spec, 0, 0, 1, 1), new DocumentBatch(trainingSet));
        var probe = documents.Take(10).Concat(Enumerable.Range(0, 10).Select(_ => DocumentContent.FromTokens([.. Enumerable.Range(0, 32).Select(_ => random.Next(500))]))).ToList();
        var before = await grain.PerplexitiesAsync(probe);

        await grain.RetireAsync();
        // Deactivation happens once the call has returned; wait until the grain has really gone.
        var activations = fixture.Handle.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        for (var wait = 0; wait < 100 && (await activations.GetActivationAddress(grain)) is not null; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Null(await activations.GetActivationAddress(grain));
        var after = await grain.PerplexitiesAsync(probe);

        Assert.Equal(before, after);
        Assert.All(before, p => Assert.True(double.IsFinite(p) && p > 1));
        await grain.ReleaseAsync();
    }
}
