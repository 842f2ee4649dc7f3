using Ecosystem.Abstractions.Corpus;
using Ecosystem.Filtering;
using Ecosystem.Scenarios;
using Ecosystem.Watermarking;

namespace Ecosystem.Grains.Vendors;

/// <summary>Builds a vendor's scrape filter pipeline from its scenario entry.</summary>
internal static class ScrapeFilters
{
    /// <param name="specs">The vendor's filters, in order.</param>
    /// <param name="detector">The detector that knows every watermarking vendor's key.</param>
    /// <param name="perplexityOf">Perplexity under the vendor's generation 0, or null before there is one.</param>
    /// <param name="detectorOf">Per filter index, a zero-shot detector's threshold and scores, or null before it has a
    /// reference (every document then passes).</param>
    public static ScrapeFilterPipeline Create(IReadOnlyList<ScrapeFilterSpec> specs, WatermarkDetector detector, Func<Document, double?> perplexityOf,
        Func<int, (double Threshold, Func<Document, double?> ScoreOf)?> detectorOf) =>
        new(specs.Select((spec, index) => spec switch
        {
            DetectorFilterSpec => detectorOf(index) is { } scored
                ? new DetectorFilter(scored.Threshold, scored.ScoreOf)
                : new DetectorFilter(double.NegativeInfinity, _ => null),
            WatermarkFilterSpec watermark => (IScrapeFilter)new WatermarkFilter(detector, watermark.ZThreshold),
            ExactDuplicateFilterSpec => new ExactDuplicateFilter(),
            NearDuplicateFilterSpec near => new NearDuplicateFilter(near.Threshold, near.Shingle, near.Hashes),
            PerplexityFilterSpec perplexity => new PerplexityFilter(perplexity.Max, perplexityOf),
            CutoffFilterSpec cutoff => new CutoffFilter(cutoff.Tick),
            _ => throw new ArgumentOutOfRangeException(nameof(specs), spec, "Unknown scrape filter."),
        }).ToList());
}
