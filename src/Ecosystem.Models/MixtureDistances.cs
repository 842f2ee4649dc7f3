using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Models;

/// <summary>Distances between one-dimensional mixtures computed numerically: Wasserstein-2 from the quantile functions,
/// W2^2 = ∫_0^1 (F^-1(u) - G^-1(u))^2 du, and KL(fitted || truth) by integration on a grid.</summary>
internal static class MixtureDistances
{
    private const int QuantilePoints = 1000;
    private const int GridPoints = 4000;

    public static IReadOnlyList<ModelStatistic> Compare(MixtureComponents fitted, MixtureComponents truth)
    {
        double w2Squared = 0;
        for (var i = 0; i < QuantilePoints; i++)
        {
            var u = (i + 0.5) / QuantilePoints;
            var d = fitted.Quantile(u) - truth.Quantile(u);
            w2Squared += d * d / QuantilePoints;
        }

        var (fittedLow, fittedHigh) = fitted.Support(10);
        var (truthLow, truthHigh) = truth.Support(10);
        var low = Math.Min(fittedLow, truthLow);
        var high = Math.Max(fittedHigh, truthHigh);
        var step = (high - low) / GridPoints;
        double kl = 0;
        for (var i = 0; i < GridPoints; i++)
        {
            var x = low + (i + 0.5) * step;
            var p = fitted.Density(x);
            var q = truth.Density(x);
            if (p > 1e-300)
            {
                kl += p * Math.Log(p / Math.Max(q, 1e-300)) * step;
            }
        }

        return
        [
            new(MetricNames.MeanError, "", fitted.Mean - truth.Mean),
            new(MetricNames.VarianceRatio, "", fitted.Variance / truth.Variance),
            new(MetricNames.Wasserstein2, "", Math.Sqrt(w2Squared)),
            new(MetricNames.KlToOriginal, "", Math.Max(0, kl)),
        ];
    }
}
