using Ecosystem.Abstractions.Metrics;
namespace Ecosystem.Metrics.Tests;

public class MetricsCsvTests
{
    [Fact]
    public void FormatsRowsInLongFormat()
    {
        var sw = new StringWriter();
        MetricsCsv.Write(sw, [new MetricRow(3, 0, "acme", "2", MetricNames.Distinct2, "", 0.5)]);
        Assert.Equal("tick,replicate,vendor,generation,metric,label,value\n3,0,acme,2,distinct_2,,0.5\n", sw.ToString());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e-300, "1E-300")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    public void FormatsDoubles(double value, string text)
    {
        Assert.Equal(text, MetricsCsv.FormatValue(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(MetricsCsv.ParseValue(text)));
    }

    [Fact]
    public void ParsesOtherSpellingsOfSpecialValues()
    {
        Assert.True(double.IsNaN(MetricsCsv.ParseValue("nan")));
        Assert.Equal(double.PositiveInfinity, MetricsCsv.ParseValue("+inf"));
        Assert.Equal(double.PositiveInfinity, MetricsCsv.ParseValue("Infinity"));
        Assert.Equal(double.NegativeInfinity, MetricsCsv.ParseValue("-Infinity"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    public void EscapesFieldsWhenNeeded(string field, string expected) => Assert.Equal(expected, MetricsCsv.Escape(field));

    [Fact]
    public void RoundTripsThroughFile()
    {
        MetricRow[] rows =
        [
            new(0, 0, "", "", MetricNames.SyntheticShareDocuments, "", 0),
            new(1, 2, "acme, inc", "3", MetricNames.GenreShare, "say \"hi\"", double.NaN),
            new(2, 2, "v", "0", MetricNames.PerplexityHistogramGen0, "1.5..3", double.PositiveInfinity),
            new(3, 2, "v", "0", MetricNames.Mean, "two\nlines\r\nhere", double.NegativeInfinity),
            new(4, 9, "v", "12", MetricNames.Variance, "", -0.0),
            new(5, 9, "v", "12", MetricNames.KlToOriginal, ",", double.Epsilon),
            new(-1, int.MaxValue, "\"", "\"\"", MetricNames.Wasserstein2, " x ", double.MaxValue),
            new(7, 0, "v", "1", MetricNames.TokenEntropyBits, "", 1.0 / 3),
        ];

        var path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                MetricsCsv.Write(writer, rows);
            }

            var read = MetricsCsv.Read(path);
            Assert.Equal(rows, read);
            Assert.Equal(rows.Select(r => BitConverter.DoubleToInt64Bits(r.Value)), read.Select(r => BitConverter.DoubleToInt64Bits(r.Value)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseAcceptsCrLfAndRejectsBadInput()
    {
        var rows = MetricsCsv.Parse(new StringReader("tick,replicate,vendor,generation,metric,label,value\r\n1,0,a,,m,,2\r\n"));
        Assert.Equal([new MetricRow(1, 0, "a", "", "m", "", 2)], rows);
        Assert.Throws<FormatException>(() => MetricsCsv.Parse(new StringReader("a,b\n")));
        Assert.Throws<FormatException>(() => MetricsCsv.Parse(new StringReader(MetricsCsv.Header + "\n1,0,a\n")));
        Assert.Throws<FormatException>(() => MetricsCsv.Parse(new StringReader(MetricsCsv.Header + "\n1,0,\"a,,m,,2\n")));
    }
}
