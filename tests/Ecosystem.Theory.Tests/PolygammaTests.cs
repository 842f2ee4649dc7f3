namespace Ecosystem.Theory.Tests;

/// <summary>ψ' against its exact values at 1/2, 1 and 2, and against its recurrence.</summary>
public class PolygammaTests
{
    [Fact]
    public void Trigamma_matches_its_exact_values()
    {
        Assert.Equal(Math.PI * Math.PI / 2, Polygamma.Trigamma(0.5), 12);
        Assert.Equal(Math.PI * Math.PI / 6, Polygamma.Trigamma(1), 12);
        Assert.Equal(Math.PI * Math.PI / 6 - 1, Polygamma.Trigamma(2), 12);
    }

    [Theory]
    [InlineData(3.7)]
    [InlineData(12.25)]
    [InlineData(49.5)]
    public void Trigamma_obeys_its_recurrence(double x) =>
        Assert.Equal(Polygamma.Trigamma(x) - 1 / (x * x), Polygamma.Trigamma(x + 1), 11);
}
