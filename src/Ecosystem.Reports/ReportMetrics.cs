using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports;

/// <summary>What the reports know about the metrics beyond their names (which are declared once, in <see cref="MetricNames"/>).</summary>
internal static class ReportMetrics
{
    /// <summary>Genres that are rare in the human corpus, so they are the first to vanish under collapse.</summary>
    public static readonly string[] MinorityGenres = ["science_fiction", "humor"];

    /// <summary>Metrics only the theory model families (gaussian, categorical, mixture) emit.</summary>
    public static readonly IReadOnlySet<string> TheoryOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        MetricNames.Mean, MetricNames.Variance, MetricNames.StdDev, MetricNames.MeanError, MetricNames.VarianceRatio,
        MetricNames.Wasserstein2, MetricNames.KlToOriginal, MetricNames.Probability, MetricNames.SupportSize,
        MetricNames.AbsorbedState, MetricNames.EntropyBits,
    };
}
