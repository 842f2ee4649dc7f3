using Ecosystem.Benchmarks.Cluster;

namespace Ecosystem.Benchmarks.Tests;

public class ClusterRunTests
{
    private static ClusterRun Run(int silos, double tickSeconds) => new(
        new ClusterCase(silos),
        [6, tickSeconds, 3 * tickSeconds],
        [10_000, 110_000, 310_000],
        310_000,
        10_000,
        BaselineBytes: 400_000_000,
        AfterFirstTickBytes: 700_000_000,
        PeakBytes: 1_500_000_000,
        EndBytes: 700_000_000 + 300_000L * 500);

    [Fact]
    public void Steady_throughput_leaves_out_the_first_tick_and_the_whole_run_includes_it()
    {
        var run = Run(3, 2);

        Assert.Equal(300_000 / 8.0, run.DocumentsPerSecond);
        Assert.Equal(310_000 / 14.0, run.RunDocumentsPerSecond);
        Assert.Equal(4, run.MedianTickSeconds);
    }

    [Theory]
    [InlineData(1, 1, 1.0, true)]
    [InlineData(3, 3, 0.40, true)]
    [InlineData(3, 3, 0.66, true)]
    [InlineData(3, 3, 0.90, false)]
    [InlineData(3, 2, 0.50, false)]
    public void A_run_is_spread_when_every_silo_holds_grains_and_none_more_than_twice_its_even_share(int silos, int hosting, double largest, bool spread)
    {
        var run = Run(silos, 1) with { SilosHostingGrains = hosting, LargestSiloShare = largest };

        Assert.Equal(spread, run.IsSpread);
    }

    [Fact]
    public void Bytes_per_document_is_the_growth_after_the_first_tick_over_the_documents_gained_since()
    {
        Assert.Equal(500, Run(1, 1).BytesPerDocumentHeld, 9);
    }

    [Fact]
    public void The_ratio_compares_three_silos_with_one_on_steady_throughput()
    {
        var rows = ClusterSuite.Summarize(ClusterConfiguration.Quick, [Run(1, 1), Run(3, 2)]);

        var ratio = Assert.Single(rows, r => r.Metric == ClusterMetrics.ThroughputRatio);
        Assert.Equal(ClusterSuite.RatioCase, ratio.Case);
        Assert.Equal(0.5, ratio.Value, 9);
        Assert.Equal(2, rows.Where(r => r.Metric == ClusterMetrics.Silos).Count());
        Assert.Contains(new ClusterSuite().Report(rows).Notes, note => note.Contains("throughput ratio 0.50", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_sent_per_document_divide_the_silos_traffic_by_the_documents_published_and_reach_the_report()
    {
        var run = Run(3, 2) with { SiloBytesSent = 31_000_000 };
        Assert.Equal(100, run.BytesSentPerDocument, 9);

        var report = new ClusterSuite().Report(ClusterSuite.Summarize(ClusterConfiguration.Quick, [run]));
        Assert.Equal("sent by silos per document", report.Tables[0].Columns[^1]);
        Assert.Equal("100 bytes", report.Tables[0].Rows[0][^1]);
    }

    [Fact]
    public void The_silos_that_held_grains_and_the_busiest_ones_share_are_recorded_and_named_in_the_report()
    {
        var rows = ClusterSuite.Summarize(ClusterConfiguration.Quick,
            [Run(1, 1) with { SilosHostingGrains = 1 }, Run(3, 2) with { SilosHostingGrains = 3, LargestSiloShare = 0.48 }]);

        Assert.Equal([1.0, 3.0], rows.Where(r => r.Metric == ClusterMetrics.SilosHostingGrains).Select(r => r.Value));
        Assert.Equal([1.0, 0.48], rows.Where(r => r.Metric == ClusterMetrics.LargestSiloShare).Select(r => r.Value));
        Assert.Contains(new ClusterSuite().Report(rows).Notes, note => note.Contains("silos-1 1 (100 %), silos-3 3 (48 %)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bytes_silos_sent_are_the_sums_of_every_series_of_the_sent_messages_histogram()
    {
        const string Exposition = """
            # TYPE orleans_messaging_sent_messages_size_bytes histogram
            orleans_messaging_sent_messages_size_bytes_bucket{otel_scope_name="Microsoft.Orleans",le="0"} 3 1700000000000
            orleans_messaging_sent_messages_size_bytes_sum{otel_scope_name="Microsoft.Orleans",kind="a b"} 1500.5 1700000000000
            orleans_messaging_sent_messages_size_bytes_count{otel_scope_name="Microsoft.Orleans"} 12 1700000000000
            orleans_messaging_sent_messages_size_bytes_sum{otel_scope_name="Microsoft.Orleans",kind="other"} 499.5
            orleans_messaging_received_messages_size_bytes_sum{otel_scope_name="Microsoft.Orleans"} 99
            """;

        Assert.Equal(2000, SiloTraffic.SumOf(Exposition));
        Assert.Equal(0, SiloTraffic.SumOf("# a silo that has sent nothing exports no series\n"));
    }
}
