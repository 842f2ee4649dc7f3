namespace Ecosystem.Runner;

/// <summary>A run stopped because its corpora hold more documents than the scenario's cap
/// (<c>limits.maxCorpusDocuments</c>, or <c>ecosystem run --max-documents</c>).</summary>
public sealed class DocumentCapExceededException(int tick, long documents, long cap)
    : Exception($"after tick {tick} the corpora hold {documents:N0} documents, more than the cap of {cap:N0} " +
                "(limits.maxCorpusDocuments, or --max-documents); the run stops here. Raise the cap, or run fewer ticks, " +
                "replicates or documents per tick.")
{
    /// <summary>The tick after which the cap was passed.</summary>
    public int Tick { get; } = tick;

    /// <summary>Documents held after that tick, all worlds together.</summary>
    public long Documents { get; } = documents;

    /// <summary>The cap.</summary>
    public long Cap { get; } = cap;
}
