using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>One scrape-time filter: decides which scraped documents a vendor keeps for training.</summary>
public interface IScrapeFilter
{
    /// <summary>The filter's kind as written in scenario files (for example "watermark").</summary>
    string Kind { get; }

    /// <summary>Whether each document passes, one flag per document of <paramref name="documents"/> (canonical order).</summary>
    bool[] Passes(IReadOnlyList<Document> documents);
}
