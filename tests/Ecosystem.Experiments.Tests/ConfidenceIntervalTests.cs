using Ecosystem.Experiments.Summaries;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Experiments.Tests;

public class ConfidenceIntervalTests
{
    [Fact]
    public void The_interval_is_the_student_t_interval_of_the_mean()
    {
        var ci = ConfidenceInterval.Of([1, 2, 3, 4, 5], 0.95);

        // s = sqrt(2.5); t(0.975, 4) = 2.7764451.
        Assert.Equal(5, ci.Count);
        Assert.Equal(3, ci.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), ci.StandardDeviation, 12);
        Assert.Equal(3 - (2.7764451 * Math.Sqrt(2.5) / Math.Sqrt(5)), ci.Low, 6);
        Assert.Equal(3 + (2.7764451 * Math.Sqrt(2.5) / Math.Sqrt(5)), ci.High, 6);
    }

    [Fact]
    public void Non_finite_values_are_left_out_and_one_value_has_no_interval()
    {
        var ci = ConfidenceInterval.Of([double.NaN, 4, double.PositiveInfinity], 0.95);

        Assert.Equal(1, ci.Count);
        Assert.Equal(4, ci.Mean);
        Assert.True(double.IsNaN(ci.Low));
        Assert.True(double.IsNaN(ConfidenceInterval.Of([], 0.95).Mean));
    }

    [Fact]
    public void Ninety_five_percent_intervals_of_five_normal_draws_cover_the_mean_95_percent_of_the_time()
    {
        // 4,000 intervals: the coverage's standard error is sqrt(0.95 * 0.05 / 4000) = 0.0034; allow 4 of them.
        var normal = new Normal(10, 3, new Random(20261125));
        const int trials = 4000;
        var covered = 0;
        for (var i = 0; i < trials; i++)
        {
            var ci = ConfidenceInterval.Of([.. Enumerable.Range(0, 5).Select(_ => normal.Sample())], 0.95);
            covered += ci.Low <= 10 && 10 <= ci.High ? 1 : 0;
        }

        Assert.InRange((double)covered / trials, 0.95 - (4 * 0.0034), 0.95 + (4 * 0.0034));
    }
}
