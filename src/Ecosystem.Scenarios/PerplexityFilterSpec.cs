namespace Ecosystem.Scenarios;

/// <summary>Removes scraped documents whose perplexity under the vendor's generation 0 is above a maximum.</summary>
public sealed record PerplexityFilterSpec : ScrapeFilterSpec
{
    /// <summary>Highest perplexity kept.</summary>
    public double Max { get; init; }
}
