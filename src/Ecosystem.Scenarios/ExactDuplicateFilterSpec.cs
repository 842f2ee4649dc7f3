namespace Ecosystem.Scenarios;

/// <summary>Removes scraped documents identical to an earlier one of the same scrape.</summary>
public sealed record ExactDuplicateFilterSpec : ScrapeFilterSpec;
