using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>What a vendor's deployed model wrote for assisted authors: the continuation of each prompt, and which
/// generation wrote them with which watermark keys.</summary>
/// <param name="Generation">The deployed generation; -1 when none is deployed yet (then there are no continuations).</param>
/// <param name="Continuations">One per prompt, in order.</param>
/// <param name="WatermarkKeys">The watermark key of each continuation; empty where none.</param>
[GenerateSerializer, Immutable]
public sealed record AssistedText(
    [property: Id(0)] int Generation,
    [property: Id(1)] IReadOnlyList<DocumentContent> Continuations,
    [property: Id(2)] IReadOnlyList<string> WatermarkKeys);
