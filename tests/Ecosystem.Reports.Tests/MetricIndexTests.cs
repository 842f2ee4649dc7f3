using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports.Tests;

public sealed class MetricIndexTests
{
    [Fact]
    public void LatestGenerationWinsWithinATick()
    {
        List<MetricRow> rows =
        [
            new(3, 0, "acme", "10", "distinct_2", "", 0.4),
            new(3, 0, "acme", "9", "distinct_2", "", 0.9),
        ];

        var index = new MetricIndex(rows);

        Assert.Equal([new TickValue(3, 0.4)], index.Series("distinct_2", "acme"));
        Assert.Equal("10", index.GenerationAt("acme", 3));
    }

    [Fact]
    public void SeriesComeFromTheFirstReplicateInTickOrder()
    {
        List<MetricRow> rows =
        [
            new(2, 1, "acme", "0", "distinct_2", "", 0.1),
            new(2, 3, "acme", "0", "distinct_2", "", 0.2),
            new(1, 1, "acme", "0", "distinct_2", "", 0.3),
        ];

        Assert.Equal([new TickValue(1, 0.3), new TickValue(2, 0.1)], new MetricIndex(rows).Series("distinct_2", "acme"));
    }

    [Fact]
    public void ReplicateSummariesSkipLabelledAndNonFiniteRows()
    {
        List<MetricRow> rows =
        [
            .. Enumerable.Range(0, 11).Select(r => new MetricRow(0, r, "g", "0", "variance", "", r)),
            new(0, 11, "g", "0", "variance", "", double.NaN),
            new(0, 0, "g", "0", "variance", "1", 100),
        ];

        var summary = Assert.Single(new MetricIndex(rows).AcrossReplicates("variance", "g"));

        Assert.Equal(new ReplicateSummary(0, 11, 5, 5, 1, 9), summary);
    }

    [Fact]
    public void VendorKindFollowsTheMetrics()
    {
        List<MetricRow> rows =
        [
            new(0, 0, "text", "0", "distinct_2", "", 0.5),
            new(0, 0, "theory", "0", "absorbed_state", "", -1),
        ];
        var index = new MetricIndex(rows);

        Assert.Equal(["text", "theory"], index.Vendors);
        Assert.Equal(VendorKind.Text, index.KindOf("text"));
        Assert.Equal(VendorKind.Theory, index.KindOf("theory"));
    }
}
