namespace Ecosystem.Reports.Tests;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0.71234, "0.7123")]
    [InlineData(210.44, "210.4")]
    [InlineData(9.2, "9.200")]
    [InlineData(1234.6, "1235")]
    [InlineData(0.001234, "0.001234")]
    [InlineData(0.0001234, "1.234E-4")]
    [InlineData(12345678, "1.235E+7")]
    [InlineData(-0.5, "-0.5000")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "-")]
    [InlineData(double.PositiveInfinity, "-")]
    public void NumbersHaveFourSignificantDigits(double value, string expected) => Assert.Equal(expected, NumberFormat.Number(value));

    [Theory]
    [InlineData(0.71234, "0.712")]
    [InlineData(0.7, "0.7")]
    [InlineData(390.2, "390")]
    [InlineData(8.0, "8")]
    public void TrimmedNumbersHaveThreeSignificantDigits(double value, string expected) =>
        Assert.Equal(expected, NumberFormat.Number(value, 3, trim: true));

    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.7834, "78.3%")]
    [InlineData(1.0, "100%")]
    [InlineData(-1e-9, "0%")]
    public void SharesArePercentages(double share, string expected) => Assert.Equal(expected, NumberFormat.Percent(share));

    [Fact]
    public void MissingValuesReadDash() => Assert.Equal("-", NumberFormat.Number(null));
}
