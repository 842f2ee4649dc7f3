using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>What a deployed generation is asked to write at one tick: how many documents, how long, how to decode, and
/// optionally the real prompts to continue (one per document). <see cref="Stream"/> names the random stream, so that
/// different callers at the same tick (the deployment, each assisted author) draw independently.</summary>
[GenerateSerializer, Immutable]
public sealed record SampleRequest(
    [property: Id(0)] int Tick,
    [property: Id(1)] int Count,
    [property: Id(2)] int Length,
    [property: Id(3)] double Temperature,
    [property: Id(4)] double TopP,
    [property: Id(5)] int Beams,
    [property: Id(6)] IReadOnlyList<DocumentContent>? Prompts,
    [property: Id(7)] string Stream = "sample")
{
    /// <summary>Never repeat an n-gram of this size within a document (0 = off).</summary>
    [Id(8)]
    public int NoRepeatNgramSize { get; init; }

    /// <summary>Penalty factor for tokens already in the document (1 = off).</summary>
    [Id(9)]
    public double RepetitionPenalty { get; init; } = 1;

    /// <summary>Draw the beams at every step instead of keeping the best.</summary>
    [Id(10)]
    public bool BeamSampling { get; init; }
}
