using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Summaries;

namespace Ecosystem.Experiments.Tests;

public class SummaryMetricsTests
{
    private static double Compute(string name, IReadOnlyList<MetricRow> rows) =>
        SummaryMetrics.All.Single(m => m.Name == name).Compute(new RunRows(rows, "acme", ["humor", "science_fiction"]));

    private static MetricRow Vendor(int tick, string metric, double value, string label = "", int replicate = 0) =>
        new(tick, replicate, "acme", tick.ToString(System.Globalization.CultureInfo.InvariantCulture), metric, label, value);

    [Fact]
    public void Rises_and_losses_compare_the_last_generation_with_the_first()
    {
        MetricRow[] rows =
        [
            Vendor(0, MetricNames.HeldoutPerplexity, 500), Vendor(1, MetricNames.HeldoutPerplexity, 600), Vendor(2, MetricNames.HeldoutPerplexity, 800),
            Vendor(0, MetricNames.Distinct2, 0.4), Vendor(2, MetricNames.Distinct2, 0.1),
            Vendor(0, MetricNames.TokenEntropyBits, 9), Vendor(2, MetricNames.TokenEntropyBits, 6.5),
            new(2, 0, "", "", MetricNames.SyntheticShareDocuments, "", 0.7),
            new(2, 0, "other", "2", MetricNames.SyntheticShareDocuments, "", 0.1),
        ];

        Assert.Equal(1.6, Compute("perplexity_rise", rows), 12);
        Assert.Equal(0.75, Compute("diversity_loss", rows), 12);
        Assert.Equal(2.5, Compute("entropy_loss_bits", rows), 12);
        Assert.Equal(0.7, Compute("final_synthetic_share", rows), 12);
    }

    [Fact]
    public void The_stationary_error_averages_the_second_half_of_the_ticks_beside_its_closed_form()
    {
        MetricRow[] rows =
        [
            .. Enumerable.Range(0, 6).SelectMany(t => new[]
            {
                Vendor(t, MetricNames.TheorySimulated, t < 3 ? 100 : t, "mean_error_squared"),
                Vendor(t, MetricNames.TheoryExpected, t < 3 ? 100 : 2 * t, "mean_error_squared"),
            }),
        ];
        var metric = SummaryMetrics.All.Single(m => m.Name == "stationary_mean_error_squared");
        var run = new RunRows(rows, "acme", []);

        Assert.Equal(4, metric.Compute(run), 12);
        Assert.Equal(8, metric.Theory!(run), 12);
        Assert.True(double.IsNaN(metric.Compute(new RunRows([Vendor(0, MetricNames.HeldoutPerplexity, 5)], "acme", []))));
        Assert.Equal(5, Compute("final_heldout_perplexity", [Vendor(0, MetricNames.HeldoutPerplexity, 7), Vendor(1, MetricNames.HeldoutPerplexity, 5)]), 12);
    }

    [Fact]
    public void Tail_and_head_perplexity_rises_average_the_per_genre_rises_of_their_genres()
    {
        MetricRow[] rows =
        [
            Vendor(0, MetricNames.HeldoutPerplexityGenre, 100, "humor"), Vendor(3, MetricNames.HeldoutPerplexityGenre, 300, "humor"),
            Vendor(0, MetricNames.HeldoutPerplexityGenre, 100, "science_fiction"), Vendor(3, MetricNames.HeldoutPerplexityGenre, 200, "science_fiction"),
            Vendor(0, MetricNames.HeldoutPerplexityGenre, 100, "news"), Vendor(3, MetricNames.HeldoutPerplexityGenre, 150, "news"),
            Vendor(0, MetricNames.HeldoutPerplexityGenre, 100, "learned"), Vendor(3, MetricNames.HeldoutPerplexityGenre, 110, "learned"),
        ];

        Assert.Equal(2.5, Compute("tail_perplexity_rise", rows), 12);
        Assert.Equal(1.3, Compute("head_perplexity_rise", rows), 12);
    }

    [Fact]
    public void Replicates_are_averaged_per_tick_and_a_missing_metric_gives_nan()
    {
        MetricRow[] rows =
        [
            Vendor(0, MetricNames.GenreCoverage, 0.2, "humor", replicate: 0), Vendor(0, MetricNames.GenreCoverage, 0.6, "science_fiction", replicate: 0),
            Vendor(0, MetricNames.GenreCoverage, 0.4, "humor", replicate: 1), Vendor(0, MetricNames.GenreCoverage, 0.8, "science_fiction", replicate: 1),
            Vendor(0, MetricNames.GenreCoverage, 1.5, "news", replicate: 1),
        ];

        Assert.Equal((0.3 + 0.7) / 2, Compute("tail_genre_coverage", rows), 12);
        Assert.Equal(1.5, Compute("head_genre_coverage", rows), 12);
        Assert.True(double.IsNaN(Compute("perplexity_rise", rows)));
    }
}
