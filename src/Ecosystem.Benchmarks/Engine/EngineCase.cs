namespace Ecosystem.Benchmarks.Engine;

/// <summary>One configuration of the engine suite: a population of human authors publishing a number of documents of
/// a given length per tick.</summary>
/// <param name="Authors">Human authors.</param>
/// <param name="DocumentsPerTick">Documents all authors together publish per tick.</param>
/// <param name="Ticks">Ticks simulated.</param>
/// <param name="DocumentTokens">GPT-2 tokens per human document.</param>
/// <param name="Repost">Authors repost Brown documents once their own are used up, as the web-scale scenario's do: the
/// Brown training split holds about 8,700 documents of 128 tokens, fewer than 10,000 authors publish in one tick.</param>
public sealed record EngineCase(int Authors, int DocumentsPerTick, int Ticks, int DocumentTokens = EngineCase.ShortDocumentTokens, bool Repost = false)
{
    /// <summary>Short documents, so that the Brown training split (about 70,000 documents of 16 tokens) gives each of
    /// 10,000 authors one new document for each of six ticks: the engine's cost is per document, and authors never
    /// publish a document twice.</summary>
    public const int ShortDocumentTokens = 16;

    /// <summary>The case name recorded with its figures: the authors, and the document length when it is not the short one.</summary>
    public string Name => DocumentTokens == ShortDocumentTokens ? $"authors-{Authors}" : $"authors-{Authors}-tokens-{DocumentTokens}";
}
