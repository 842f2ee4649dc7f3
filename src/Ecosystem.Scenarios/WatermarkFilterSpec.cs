namespace Ecosystem.Scenarios;

/// <summary>Removes scraped documents in which the detector finds a known vendor's watermark.</summary>
public sealed record WatermarkFilterSpec : ScrapeFilterSpec
{
    /// <summary>A document is removed when its z-score under any watermarking vendor's key is above this.</summary>
    public double ZThreshold { get; init; } = 4;
}
