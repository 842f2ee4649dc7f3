using Ecosystem.Models;
using Ecosystem.Models.Tests;
using MathNet.Numerics.Statistics;

namespace Ecosystem.Theory.Tests;

/// <summary>The Gaussian refit chain's closed forms against chains run with the model classes, with sample sizes and
/// a variance the shipped scenarios do not use; every simulated mean within 3.5 of its theoretical standard errors.</summary>
public class GaussianRefitTheoryTests
{
    private const int Chains = 3000;
    private const double TrueVariance = 2.25;

    [Theory]
    [InlineData(VarianceEstimator.Unbiased)]
    [InlineData(VarianceEstimator.MaximumLikelihood)]
    public void Simulated_chains_agree_with_the_closed_forms(VarianceEstimator estimator)
    {
        // Sizes change along the chain, as a vendor whose deployment differs from the human sample would.
        int[] sizes = [25, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17];
        var theory = new GaussianRefitTheory(TrueVariance, estimator == VarianceEstimator.Unbiased);
        var (errors, ratios) = Run(estimator, sizes);
        for (var g = 0; g < sizes.Length; g++)
        {
            theory.AddGeneration(sizes[g]);
            foreach (var quantity in theory.At(g))
            {
                var simulated = quantity.Name switch
                {
                    GaussianRefitTheory.VarianceRatio => ratios[g].Mean(),
                    GaussianRefitTheory.LogVarianceRatio => ratios[g].Select(v => Math.Log(v)).Mean(),
                    GaussianRefitTheory.MeanError => errors[g].Mean(),
                    _ => errors[g].Select(e => e * e).Mean(),
                };
                var standardError = quantity.StandardDeviation / Math.Sqrt(Chains);
                Assert.True(Math.Abs(simulated - quantity.Expected) <= 3.5 * standardError,
                    $"{estimator} generation {g} {quantity.Name}: simulated {simulated}, expected {quantity.Expected} ± {standardError}");

                // For the nearly normal quantities, the theory's standard deviation is that of the simulated values,
                // within 4 standard errors of a sample sd (sd / sqrt(2 R), 1.3% here).
                if (quantity.Name is GaussianRefitTheory.MeanError or GaussianRefitTheory.LogVarianceRatio)
                {
                    var values = quantity.Name == GaussianRefitTheory.MeanError ? errors[g] : [.. ratios[g].Select(v => Math.Log(v))];
                    Assert.InRange(values.StandardDeviation() / quantity.StandardDeviation, 1 - 4 / Math.Sqrt(2.0 * Chains), 1 + 4 / Math.Sqrt(2.0 * Chains));
                }
            }
        }
    }

    [Fact]
    public void The_unbiased_chain_keeps_its_mean_variance_and_its_log_drifts_down()
    {
        var theory = new GaussianRefitTheory(1, unbiased: true);
        for (var g = 0; g < 100; g++)
        {
            theory.AddGeneration(100);
        }

        var last = theory.At(99).ToDictionary(q => q.Name);
        Assert.Equal(1, last[GaussianRefitTheory.VarianceRatio].Expected, 12);
        Assert.True(last[GaussianRefitTheory.LogVarianceRatio].Expected < -0.9);
        Assert.Equal(1, last[GaussianRefitTheory.MeanErrorSquared].Expected, 12);
    }

    private static (double[][] Errors, double[][] Ratios) Run(VarianceEstimator estimator, int[] sizes)
    {
        // The true mean is 0, so a fitted mean is its own error.
        var chains = new GaussianRefitChains(estimator, Chains, sizes, new GaussianTruth(0, Math.Sqrt(TrueVariance)), 1000);
        return (chains.Means, [.. chains.Variances.Select(g => g.Select(v => v / TrueVariance).ToArray())]);
    }
}
