using MathNet.Numerics.Distributions;

namespace Ecosystem.Experiments.Summaries;

/// <summary>Mean of independent replicates with its Student-t confidence interval: mean ± t(1-α/2, n-1) · s/√n.</summary>
/// <param name="Count">Finite values used.</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n-1); NaN below 2 values.</param>
/// <param name="Low">Lower bound; NaN below 2 values.</param>
/// <param name="High">Upper bound; NaN below 2 values.</param>
public readonly record struct ConfidenceInterval(int Count, double Mean, double StandardDeviation, double Low, double High)
{
    /// <summary>The standard error of the mean.</summary>
    public double StandardError => Count < 2 ? double.NaN : StandardDeviation / Math.Sqrt(Count);

    /// <summary>The interval of the finite values among <paramref name="values"/> at <paramref name="confidence"/>.</summary>
    public static ConfidenceInterval Of(IEnumerable<double> values, double confidence)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new ConfidenceInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = finite.Average();
        if (finite.Length < 2)
        {
            return new ConfidenceInterval(1, mean, double.NaN, double.NaN, double.NaN);
        }

        var variance = finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1);
        var sd = Math.Sqrt(variance);
        var t = StudentT.InvCDF(0, 1, finite.Length - 1, 1 - ((1 - confidence) / 2));
        var half = t * sd / Math.Sqrt(finite.Length);
        return new ConfidenceInterval(finite.Length, mean, sd, mean - half, mean + half);
    }
}
