using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>Removes documents whose perplexity under a reference model is above <paramref name="max"/> (the quality
/// filter of web-scale pipelines, which keeps text that looks like the reference's training data).</summary>
/// <param name="max">Highest perplexity kept.</param>
/// <param name="perplexityOf">Perplexity of a document under the reference model; null when there is no reference yet,
/// and then every document passes.</param>
public sealed class PerplexityFilter(double max, Func<Document, double?> perplexityOf) : IScrapeFilter
{
    /// <inheritdoc />
    public string Kind => "perplexity";

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents) =>
        documents.Select(d => perplexityOf(d) is not { } perplexity || perplexity <= max).ToArray();
}
