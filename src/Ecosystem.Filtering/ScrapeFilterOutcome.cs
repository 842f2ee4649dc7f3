using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>The documents that passed every filter, in their original order, and one report per filter.</summary>
public sealed record ScrapeFilterOutcome(IReadOnlyList<Document> Passed, IReadOnlyList<FilterReport> Reports);
