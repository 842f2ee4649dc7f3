using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The figures every sweep run is summarised by, per vendor: where the ecosystem ended up, and how far each
/// vendor's model degraded from its first generation.</summary>
public static class SummaryMetrics
{
    /// <summary>Every summary figure, in table order.</summary>
    public static IReadOnlyList<SummaryMetric> All { get; } =
    [
        new("final_synthetic_share", "Share of the corpus's documents that are synthetic at the last tick", true,
            r => Last(r.CorpusSeries(MetricNames.SyntheticShareDocuments))),
        new("training_synthetic_share", "Share of the vendor's last training set that is synthetic (after its filters)", true,
            r => Last(r.VendorSeries(MetricNames.TrainingSyntheticShare))),
        new("diversity_loss", "1 - distinct-2 of the last generation's output / distinct-2 of the first generation's", true,
            r => 1 - Ratio(r.VendorSeries(MetricNames.Distinct2))),
        new("entropy_loss_bits", "Token entropy of the first generation's output minus the last's, in bits", true,
            r => First(r.VendorSeries(MetricNames.TokenEntropyBits)) - Last(r.VendorSeries(MetricNames.TokenEntropyBits))),
        new("final_heldout_perplexity", "Held-out human perplexity of the last generation", true,
            r => Last(r.VendorSeries(MetricNames.HeldoutPerplexity))),
        new("perplexity_rise", "Held-out human perplexity of the last generation / that of the first", true,
            r => Ratio(r.VendorSeries(MetricNames.HeldoutPerplexity))),
        new("tail_perplexity_rise", "Held-out perplexity on the tail genres' documents, last generation / first (mean over the tail genres)", true,
            r => MeanRise(r, r.TailGenres)),
        new("head_perplexity_rise", "Held-out perplexity on the other genres' documents, last generation / first (mean over those genres)", true,
            r => MeanRise(r, [.. r.VendorLabels(MetricNames.HeldoutPerplexityGenre).Except(r.TailGenres, StringComparer.Ordinal)])),
        new("tail_genre_coverage", "How much of the tail genres' distinctive vocabulary the last generation's output uses, relative to human text (mean over the tail genres; 1 = as people do)", false,
            r => MeanLast(r, r.TailGenres)),
        new("head_genre_coverage", "The same for the other genres", false,
            r => MeanLast(r, [.. r.VendorLabels(MetricNames.GenreCoverage).Except(r.TailGenres, StringComparer.Ordinal)])),
        new("stationary_mean_error_squared", "Squared error of the fitted mean (mean over the run's worlds), averaged over the second half of the run's ticks: the stationary error of a theory run (He, Xu and Cheng's weighted recursion, the Gaussian refit chain)", true,
            r => SecondHalfMean(r.VendorSeries(MetricNames.TheorySimulated, MeanErrorSquared)),
            r => SecondHalfMean(r.VendorSeries(MetricNames.TheoryExpected, MeanErrorSquared))),
    ];

    /// <summary>Label of the theory rows of the fitted mean's squared error.</summary>
    private const string MeanErrorSquared = "mean_error_squared";

    /// <summary>The mean of the values at ticks in the second half of the series' span: the first half is left for the
    /// chain to forget where it started.</summary>
    private static double SecondHalfMean(IReadOnlyList<(int Tick, double Value)> series)
    {
        if (series.Count == 0)
        {
            return double.NaN;
        }

        var from = (series[0].Tick + series[^1].Tick + 1) / 2;
        var late = series.Where(p => p.Tick >= from).ToList();
        return late.Count == 0 ? double.NaN : late.Average(p => p.Value);
    }

    private static double MeanRise(RunRows rows, IReadOnlyList<string> genres)
    {
        var rises = genres.Select(g => Ratio(rows.VendorSeries(MetricNames.HeldoutPerplexityGenre, g))).Where(double.IsFinite).ToList();
        return rises.Count == 0 ? double.NaN : rises.Average();
    }

    private static double MeanLast(RunRows rows, IReadOnlyList<string> genres)
    {
        var values = genres.Select(g => Last(rows.VendorSeries(MetricNames.GenreCoverage, g))).Where(double.IsFinite).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static double First(IReadOnlyList<(int Tick, double Value)> series) => series.Count == 0 ? double.NaN : series[0].Value;

    private static double Last(IReadOnlyList<(int Tick, double Value)> series) => series.Count == 0 ? double.NaN : series[^1].Value;

    private static double Ratio(IReadOnlyList<(int Tick, double Value)> series)
    {
        var first = First(series);
        return first == 0 ? double.NaN : Last(series) / first;
    }
}
