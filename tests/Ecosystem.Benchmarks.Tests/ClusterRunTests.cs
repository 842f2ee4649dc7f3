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
}
