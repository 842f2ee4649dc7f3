namespace Ecosystem.Scenarios;

/// <summary>What a vendor trains each generation on.</summary>
public enum DataPolicyKind
{
    /// <summary>The newest scrape only (what was published since the previous generation was trained).</summary>
    Replace,

    /// <summary>Everything scraped so far (Gerstgrasser et al. 2024).</summary>
    Accumulate,
}
