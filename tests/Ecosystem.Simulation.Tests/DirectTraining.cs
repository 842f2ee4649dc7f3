using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Simulation.Tests;

/// <summary>Generation 0 of a fresh one-vendor run, trained by calling its grain directly on random token documents
/// rather than through a scenario's ticks.</summary>
/// <param name="RunId">The run the generation belongs to.</param>
/// <param name="Generation">The generation's grain.</param>
/// <param name="Probe">Documents to score with the trained model.</param>
/// <param name="StartAsync">Starts the training; completes when it has finished.</param>
internal sealed record DirectTraining(string RunId, IModelGenerationGrain Generation, IReadOnlyList<DocumentContent> Probe, Func<Task> StartAsync)
{
    /// <summary>Prepares the training of vendor "opt" of <paramref name="scenario"/> with its
    /// <c>"epochs": 2</c> replaced by <paramref name="epochs"/>; nothing runs until <see cref="StartAsync"/>.</summary>
    public static DirectTraining Prepare(TestClusterHandle handle, string scenario, string name, int epochs)
    {
        var spec = new RunSpec($"{name}-{Guid.NewGuid():N}", scenario.Replace("\"epochs\": 2", $"\"epochs\": {epochs}", StringComparison.Ordinal));
        var random = new Random(5);
        var documents = Enumerable.Range(0, 300).Select(_ => DocumentContent.FromTokens(Enumerable.Range(0, 32).Select(_ => random.Next(300)).ToArray())).ToList();
        var trainingSet = documents.Select((d, i) => new Document(
            $"d{i:D5}", 0, TickPhase.HumansPublish, new Provenance(AuthorKind.Human, "a", "", -1, "news", false, $"d{i}"), d)).ToList();
        var grain = handle.Cluster.GrainFactory.GetGrain<IModelGenerationGrain>(new WorldAddress(spec.RunId, 0).Generation("opt", 0));
        return new DirectTraining(spec.RunId, grain, documents.Take(20).ToList(), () => grain.TrainAsync(new GenerationSetup(spec, 0, 0, 0, 0), new DocumentBatch(trainingSet)));
    }
}
