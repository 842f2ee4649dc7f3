using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports;

/// <summary>Draws the standard PNG plots of a run from its long-format metric rows.</summary>
public static class RunPlots
{
    private static readonly VendorSeriesPlot[] TextSeries =
    [
        new(MetricNames.Distinct2, "distinct_2", "Diversity of generated text: distinct-2", "distinct-2 (unique bigrams / bigrams)",
            DistinctNPanels.CorpusLegend),
        new(MetricNames.TokenEntropyBits, "token_entropy", "Unigram token entropy", "entropy (bits)", DistinctNPanels.CorpusLegend),
        new(MetricNames.TailMass, "tail_mass", "Tail mass: share of tokens outside the human top-k", "tail mass",
            DistinctNPanels.CorpusLegend),
        new(MetricNames.HeldoutPerplexity, "heldout_perplexity", "Perplexity on held-out human text", "held-out perplexity"),
        new(MetricNames.GeneratedPerplexityGen0, "generated_perplexity_gen0", "Mean perplexity of generated text under generation 0",
            "perplexity under generation 0"),
    ];

    private static readonly ReplicateBandPlot[] TheoryBands =
    [
        new(MetricNames.Variance, "theory_variance", "Variance of the fitted model", "variance", StartReference: true),
        new(MetricNames.MeanError, "theory_mean_error_squared", "Squared error of the fitted mean",
            "(fitted mean − true mean)²", v => v * v),
        new(MetricNames.Wasserstein2, "theory_wasserstein_2", "2-Wasserstein distance to the original distribution", "W2 distance"),
        new(MetricNames.KlToOriginal, "theory_kl_to_original", "KL divergence from the original distribution", "KL divergence"),
        new(MetricNames.EntropyBits, "theory_entropy", "Entropy of the fitted model", "entropy (bits)"),
        new(MetricNames.SupportSize, "theory_support_size", "Support size of the fitted categorical model",
            "categories with non-zero probability"),
    ];

    /// <summary>Writes every plot whose metrics are present in <paramref name="rows"/> into <paramref name="directory"/>
    /// (created if needed), overwriting files of the same name, and returns the written paths in a fixed order.</summary>
    /// <remarks>Text scenarios are drawn from their first replicate; theory metrics are summarised across all replicates.
    /// Output depends only on the rows, so the same rows give the same files.</remarks>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<MetricRow> rows, string directory)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);

        var index = new MetricIndex(rows);
        var output = new PlotOutput(directory);
        SyntheticSharePlot.Write(index, output);
        HumanPopulationPlot.Write(index, output);
        TextSeries[0].Write(index, output);
        DistinctNPanels.Write(index, output);
        foreach (var plot in TextSeries.Skip(1))
        {
            plot.Write(index, output);
        }

        PerplexityHistogramPlot.Write(index, output);
        GenreSharePlot.Write(index, output);
        GenreSurvivalPlot.Write(index, output);
        TrainingSourceMatrixPlot.Write(index, output);
        foreach (var plot in TheoryBands)
        {
            plot.Write(index, output);
        }

        AbsorptionPlot.Write(index, output);
        TheoryCurvePlot.Write(index, output);
        return output.Written;
    }
}
