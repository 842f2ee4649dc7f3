namespace Ecosystem.Metrics.Tests;

public class HistogramTests
{
    [Fact]
    public void LinearBinsClampOutOfRangeValues()
    {
        var h = Histogram.Linear(0, 10, 5);
        Assert.Equal([0.0, 2, 4, 6, 8, 10], h.Edges);
        var r = h.Compute([-1, 0, 1.999, 2, 9.9, 10, 100, double.PositiveInfinity, double.NegativeInfinity, double.NaN]);
        Assert.Equal([4L, 1, 0, 0, 4], r.Counts);
        Assert.Equal(9, r.Total);
        Assert.Equal(1, r.NaNCount);
        Assert.Equal(4.0 / 9 / 2, r.Densities[0], 15);
        Assert.Equal(4.0 / 9, r.Fractions[4], 15);
        Assert.Equal(1.0, r.Densities.Select((d, i) => d * (r.Edges[i + 1] - r.Edges[i])).Sum(), 12);
    }

    [Fact]
    public void LogarithmicBins()
    {
        var h = Histogram.Logarithmic(1, 1000, 3);
        Assert.Equal(1.0, h.Edges[0]);
        Assert.Equal(1000.0, h.Edges[3]);
        Assert.Equal(10.0, h.Edges[1], 12);
        Assert.Equal(100.0, h.Edges[2], 12);
        Assert.Equal(0, h.BinOf(0.5));
        Assert.Equal(1, h.BinOf(50));
        Assert.Equal(2, h.BinOf(999));
        Assert.Equal(2, h.BinOf(1e9));
        Assert.Equal(-1, h.BinOf(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.Logarithmic(0, 10, 3));
    }

    [Fact]
    public void EmptyInputGivesZeroDensities()
    {
        var r = new Histogram([0.0, 1, 3]).Compute([]);
        Assert.Equal([0L, 0], r.Counts);
        Assert.Equal([0.0, 0], r.Densities);
        Assert.Equal(0, r.Total);
    }

    [Fact]
    public void CustomEdgesAndLabels()
    {
        var h = new Histogram([0.0, 0.5, 3]);
        Assert.Equal(2, h.BinCount);
        Assert.Equal("0..0.5", h.BinLabel(0));
        Assert.Equal("0.5..3", h.BinLabel(1));
        Assert.Equal(1, h.BinOf(0.5));
        Assert.Throws<ArgumentException>(() => new Histogram([1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new Histogram([1.0]));
        Assert.Throws<ArgumentException>(() => new Histogram([0.0, double.PositiveInfinity]));
    }
}
