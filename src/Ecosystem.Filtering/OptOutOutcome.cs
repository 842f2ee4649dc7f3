using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>The result of <see cref="CrawlerOptOuts.Apply"/>.</summary>
/// <param name="TrainingSet">The training set after the opt-outs.</param>
/// <param name="CrawlOptedOutShare">Share of the human documents crawled whose authors had opted out; NaN when none was human.</param>
/// <param name="OptedOutTrained">Documents of opted-out authors left in the training set (0 when the vendor respects opt-outs).</param>
/// <param name="HumanShare">Human share of the training set after the opt-outs; NaN when it is empty.</param>
public sealed record OptOutOutcome(IReadOnlyList<Document> TrainingSet, double CrawlOptedOutShare, int OptedOutTrained, double HumanShare);
