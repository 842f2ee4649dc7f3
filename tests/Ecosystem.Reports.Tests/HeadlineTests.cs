using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports.Tests;

public sealed class HeadlineTests
{
    [Fact]
    public void TextRunComparesFirstAndLastTickPerVendor()
    {
        var lines = SummaryTable.Headline(SyntheticRuns.Text()).Split('\n');

        Assert.Equal(
            [
                "corpus: synthetic share 0% → 78% (tick 0 → 4)",
                "acme: generation 0 → 4, distinct-2 0.712 → 0.432, token entropy 9.2 → 8 bits, held-out perplexity 210 → 390, "
                    + "training synthetic share 0% → 62.4%",
                "zenith: generation 0 → 2, distinct-2 0.65 → 0.57, token entropy 9 → 7.8 bits, held-out perplexity 250 → 270, "
                    + "training synthetic share 0% → 39%",
            ],
            lines);
    }

    [Fact]
    public void TheoryRunsSummariseAcrossReplicates()
    {
        var gaussian = SummaryTable.Headline(SyntheticRuns.Gaussian()).Split('\n');
        var categorical = SummaryTable.Headline(SyntheticRuns.Categorical());

        Assert.Equal(2, gaussian.Length);
        Assert.StartsWith("accumulate (50 replicates): generation 0 → 9, variance mean 1 → ", gaussian[0], StringComparison.Ordinal);
        Assert.StartsWith("refit (50 replicates): generation 0 → 9, variance mean 1 → 0.673, median 1 → 0.627, mean error² 0 → ",
            gaussian[1], StringComparison.Ordinal);
        Assert.Contains(", W2 0 → ", gaussian[1], StringComparison.Ordinal);
        Assert.Equal("dice (50 replicates): generation 0 → 9, absorbed 10% → 84%", categorical);
    }

    [Fact]
    public void VendorWithoutHeadlineMetricsSaysSo()
    {
        List<MetricRow> rows = [new(0, 0, "quiet", "", "vocabulary_size", "", 10)];

        Assert.Equal("quiet: no summary metrics", SummaryTable.Headline(rows));
    }
}
