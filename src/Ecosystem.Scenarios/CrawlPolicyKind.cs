namespace Ecosystem.Scenarios;

/// <summary>Which documents a vendor's crawl budget is drawn from.</summary>
public enum CrawlPolicyKind
{
    /// <summary>Only documents published since the vendor's previous training, uniformly.</summary>
    New,

    /// <summary>Every document the web holds, uniformly.</summary>
    Uniform,

    /// <summary>Every document the web holds, each weighted by 2^(-age / half-life), its age in ticks.</summary>
    Recency,
}
