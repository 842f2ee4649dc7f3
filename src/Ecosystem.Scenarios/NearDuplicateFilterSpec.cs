namespace Ecosystem.Scenarios;

/// <summary>Removes scraped documents too similar to an earlier kept one (MinHash over token shingles).</summary>
public sealed record NearDuplicateFilterSpec : ScrapeFilterSpec
{
    /// <summary>Estimated Jaccard similarity of shingle sets at or above which a document is removed.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Tokens per shingle.</summary>
    public int Shingle { get; init; } = 5;

    /// <summary>MinHash signature length.</summary>
    public int Hashes { get; init; } = 128;
}
