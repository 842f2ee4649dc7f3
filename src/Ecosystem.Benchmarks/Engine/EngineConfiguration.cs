namespace Ecosystem.Benchmarks.Engine;

/// <summary>The cases of the engine suite and how often each is repeated.</summary>
/// <param name="Cases">The configurations measured.</param>
/// <param name="Repetitions">Runs per case, each on a fresh silo; figures are medians over them.</param>
public sealed record EngineConfiguration(IReadOnlyList<EngineCase> Cases, int Repetitions)
{
    /// <summary>Documents of the scenarios' default length (128 tokens), where the second bar is set.</summary>
    public const int LongDocumentTokens = 128;

    /// <summary>1,000 and 10,000 authors with 16-token documents and 10,000 authors with 128-token ones (reposting),
    /// 10,000 documents a tick, six ticks, five runs each.</summary>
    public static EngineConfiguration Full { get; } = new(
        [new(1_000, 10_000, 6), new(10_000, 10_000, 6), new(10_000, 10_000, 6, LongDocumentTokens, Repost: true)], 5);

    /// <summary>A smoke test of the same code: 100 and 1,000 authors, 1,000 documents a tick, three ticks, one run each.</summary>
    public static EngineConfiguration Quick { get; } = new(
        [new(100, 1_000, 3), new(1_000, 1_000, 3), new(1_000, 1_000, 3, LongDocumentTokens, Repost: true)], 1);
}
