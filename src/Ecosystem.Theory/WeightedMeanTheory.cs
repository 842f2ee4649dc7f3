namespace Ecosystem.Theory;

/// <summary>He, Xu and Cheng's weighted recursion for a Gaussian mean ("Recursive learning without collapse", JRSS-B
/// 2026): generation t is fitted to n fresh real values and m values of generation t - 1, weighted w and 1 - w.</summary>
/// <remarks>The variance is known (mean estimation), so e_t = w r_t + (1 - w)(e_{t-1} + η_t) with r_t ~ N(0, σ²/n)
/// and η_t ~ N(0, σ²/m) independent: e_t is normal, E[e_t²] = w² σ²/n + (1 - w)² (E[e_{t-1}²] + σ²/m), with stationary
/// value σ² (w²/n + (1 - w)²/m) / (1 - (1 - w)²), and one world's e_t² has standard deviation √2 E[e_t²].</remarks>
public static class WeightedMeanTheory
{
    /// <summary>The stationary mean-squared error of the fitted mean.</summary>
    public static double StationaryMeanSquaredError(double w, int real, int synthetic, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(w);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(w, 1);
        var u = 1 - w;
        return variance * (w * w / real + u * u / synthetic) / (1 - u * u);
    }

    /// <summary>E[e_t²] one generation after <paramref name="previous"/>.</summary>
    public static double NextMeanSquaredError(double previous, double w, int real, int synthetic, double variance)
    {
        var u = 1 - w;
        return w * w * variance / real + u * u * (previous + variance / synthetic);
    }

    /// <summary>The weight that minimises the stationary error, by golden-section search over (0, 1]; (√5 - 1)/2 when
    /// n = m.</summary>
    public static double OptimalWeight(int real, int synthetic)
    {
        double low = 1e-9, high = 1;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 200; i++)
        {
            var a = high - ratio * (high - low);
            var b = low + ratio * (high - low);
            if (StationaryMeanSquaredError(a, real, synthetic, 1) < StationaryMeanSquaredError(b, real, synthetic, 1))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return (low + high) / 2;
    }
}
