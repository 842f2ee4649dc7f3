using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>A document picked for samples.jsonl: its provenance and its readable content.</summary>
[GenerateSerializer, Immutable]
public sealed record SampledDocument(
    [property: Id(0)] int Replicate,
    [property: Id(1)] string DocumentId,
    [property: Id(2)] int Tick,
    [property: Id(3)] Provenance Provenance,
    [property: Id(4)] string Text,
    [property: Id(5)] double[] Values);
