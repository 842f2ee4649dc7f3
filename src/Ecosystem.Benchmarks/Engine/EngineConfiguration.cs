namespace Ecosystem.Benchmarks.Engine;

/// <summary>The cases of the engine suite and how often each is repeated.</summary>
/// <param name="Cases">The configurations measured.</param>
/// <param name="Repetitions">Runs per case, each on a fresh silo; figures are medians over them.</param>
/// <param name="DocumentTokens">GPT-2 tokens per human document.</param>
public sealed record EngineConfiguration(IReadOnlyList<EngineCase> Cases, int Repetitions, int DocumentTokens)
{
    /// <summary>Short documents, so that the Brown training split (about 70,000 documents of 16 tokens) gives each of
    /// 10,000 authors one new document for each of six ticks: the engine's cost is per document, and authors never
    /// publish a document twice.</summary>
    public const int ShortDocumentTokens = 16;

    /// <summary>1,000 and 10,000 authors, 10,000 documents a tick, six ticks, five runs each.</summary>
    public static EngineConfiguration Full { get; } = new([new(1_000, 10_000, 6), new(10_000, 10_000, 6)], 5, ShortDocumentTokens);

    /// <summary>A smoke test of the same code: 100 and 1,000 authors, 1,000 documents a tick, three ticks, one run each.</summary>
    public static EngineConfiguration Quick { get; } = new([new(100, 1_000, 3), new(1_000, 1_000, 3)], 1, ShortDocumentTokens);
}
