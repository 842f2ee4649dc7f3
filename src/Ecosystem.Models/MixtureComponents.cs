using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A one-dimensional Gaussian mixture as parallel arrays of weights, means and variances.</summary>
public sealed record MixtureComponents(double[] Weights, double[] Means, double[] Variances)
{
    /// <summary>Mean of the mixture.</summary>
    public double Mean => Weights.Select((w, k) => w * Means[k]).Sum();

    /// <summary>Variance of the mixture (law of total variance).</summary>
    public double Variance
    {
        get
        {
            var mean = Mean;
            return Weights.Select((w, k) => w * (Variances[k] + (Means[k] - mean) * (Means[k] - mean))).Sum();
        }
    }

    /// <summary>Density at <paramref name="x"/>.</summary>
    public double Density(double x) => Weights.Select((w, k) => w * Normal.PDF(Means[k], Math.Sqrt(Variances[k]), x)).Sum();

    /// <summary>Log-density at <paramref name="x"/> by log-sum-exp, finite even where every component's density underflows.</summary>
    public double LogDensity(double x)
    {
        var max = double.NegativeInfinity;
        var logs = new double[Weights.Length];
        for (var k = 0; k < logs.Length; k++)
        {
            logs[k] = Math.Log(Weights[k]) + Normal.PDFLn(Means[k], Math.Sqrt(Variances[k]), x);
            max = Math.Max(max, logs[k]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (var log in logs)
        {
            sum += Math.Exp(log - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Cumulative distribution at <paramref name="x"/>.</summary>
    public double Cumulative(double x) => Weights.Select((w, k) => w * Normal.CDF(Means[k], Math.Sqrt(Variances[k]), x)).Sum();

    /// <summary>Inverse of the cumulative distribution, by bisection (the mixture CDF has no closed-form inverse).</summary>
    public double Quantile(double u)
    {
        var (low, high) = Support(12);
        for (var i = 0; i < 100 && high - low > 1e-12 * Math.Max(1, Math.Abs(low) + Math.Abs(high)); i++)
        {
            var middle = (low + high) / 2;
            if (Cumulative(middle) < u)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>An interval holding all but a negligible share of the mass: every component's mean ± <paramref name="sds"/> sd.</summary>
    public (double Low, double High) Support(double sds) => (
        Means.Select((m, k) => m - sds * Math.Sqrt(Variances[k])).Min(),
        Means.Select((m, k) => m + sds * Math.Sqrt(Variances[k])).Max());
}
