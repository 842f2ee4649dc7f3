using Ecosystem.Models;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace Ecosystem.Models.Tests;

/// <summary>Shumailov et al.'s Gaussian refit theorem on the model classes alone, with many chains. Every expectation is
/// checked against the mean over chains within 4 standard errors, the standard error being the sample standard
/// deviation across chains over √chains.</summary>
public class GaussianRefitChainTests
{
    private const int Chains = 2000;
    private const int M = 20;
    private const int Generations = 30;
    private static readonly GaussianTruth Truth = new(3, 2);
    private static readonly double Sigma2 = Truth.StandardDeviation * Truth.StandardDeviation;

    private static int[] Constant(int m) => [.. Enumerable.Repeat(m, Generations)];

    private static void AssertMeanWithin4StandardErrors(double expected, double[] values, string what)
    {
        var standardError = values.StandardDeviation() / Math.Sqrt(values.Length);
        var mean = values.Mean();
        Assert.True(Math.Abs(mean - expected) <= 4 * standardError,
            $"{what}: mean over chains {mean}, expected {expected}, standard error {standardError}");
    }

    [Fact]
    public void Unbiased_refit_keeps_the_expected_variance_while_the_median_variance_collapses()
    {
        var chains = new GaussianRefitChains(VarianceEstimator.Unbiased, Chains, Constant(M), Truth, seed: 1000);

        foreach (var g in new[] { 0, 9, 29 })
        {
            // E[σ_g²] = σ² for every g: the unbiased estimator is a martingale.
            AssertMeanWithin4StandardErrors(Sigma2, chains.Variances[g], $"E[sigma^2] at generation {g}");

            // ln σ_g² = ln σ² + Σ ln(χ²_{M-1}/(M-1)) over g+1 fits, with E[ln χ²_k] = ψ(k/2) + ln 2: the typical chain
            // drifts towards zero by about 1/(M-1) per generation.
            var drift = SpecialFunctions.DiGamma((M - 1) / 2.0) + Math.Log(2) - Math.Log(M - 1);
            AssertMeanWithin4StandardErrors(Math.Log(Sigma2) + (g + 1) * drift, [.. chains.Variances[g].Select(v => Math.Log(v))], $"E[ln sigma^2] at generation {g}");
        }

        // After 30 generations the median chain has lost about 80% of its variance (exp(30 × -0.054) ≈ 0.2); 0.35 leaves
        // a margin of several standard errors of the median.
        var median = chains.Variances[Generations - 1].Median();
        Assert.True(median < 0.35 * Sigma2, $"median sigma^2 {median} after {Generations} generations");
    }

    [Fact]
    public void Mle_refit_variance_follows_the_geometric_law()
    {
        var chains = new GaussianRefitChains(VarianceEstimator.MaximumLikelihood, Chains, Constant(M), Truth, seed: 2000);

        foreach (var g in new[] { 0, 9, 29 })
        {
            // E[σ_g²] = ((M-1)/M)^(g+1) σ²: each of the g+1 fits shrinks the expectation by (M-1)/M.
            AssertMeanWithin4StandardErrors(Math.Pow((M - 1.0) / M, g + 1) * Sigma2, chains.Variances[g], $"E[sigma^2] at generation {g}");
        }
    }

    [Fact]
    public void Squared_mean_error_grows_by_sigma_squared_over_M_per_generation()
    {
        // Growing sample sizes M_g = 10 + 5g exercise the general law E[(μ_g - μ)²] = σ² Σ_{i≤g} 1/M_i (unbiased variance).
        var sizes = Enumerable.Range(0, Generations).Select(g => 10 + 5 * g).ToArray();
        var chains = new GaussianRefitChains(VarianceEstimator.Unbiased, Chains, sizes, Truth, seed: 3000);

        foreach (var g in new[] { 0, 9, 29 })
        {
            var expected = Sigma2 * sizes.Take(g + 1).Sum(m => 1.0 / m);
            AssertMeanWithin4StandardErrors(expected, [.. chains.Means[g].Select(m => (m - Truth.Mean) * (m - Truth.Mean))], $"E[(mu - mu0)^2] at generation {g}");
        }
    }

    [Fact]
    public void Squared_mean_error_with_the_mle_grows_by_the_shrinking_variance()
    {
        // Var(μ_g) = Var(μ_{g-1}) + E[σ_{g-1}²]/M, and E[σ_i²] = ((M-1)/M)^(i+1) σ², so
        // E[(μ_g - μ)²] = (σ²/M) Σ_{i=0}^{g} ((M-1)/M)^i.
        var chains = new GaussianRefitChains(VarianceEstimator.MaximumLikelihood, Chains, Constant(M), Truth, seed: 4000);

        foreach (var g in new[] { 0, 9, 29 })
        {
            var expected = Sigma2 / M * Enumerable.Range(0, g + 1).Sum(i => Math.Pow((M - 1.0) / M, i));
            AssertMeanWithin4StandardErrors(expected, [.. chains.Means[g].Select(m => (m - Truth.Mean) * (m - Truth.Mean))], $"E[(mu - mu0)^2] at generation {g}");
        }
    }

    [Fact]
    public void Tempered_sampling_scales_the_variance_by_the_temperature()
    {
        // The sample variance of n normal draws has standard error σ² √(2/(n-1)): 0.4% of σ² here; 3% is over 7 of them.
        var model = new GaussianModel(1, 4);
        foreach (var t in new[] { 0.5, 1.0, 2.0 })
        {
            var values = model.Sample(1, new SamplingOptions(100_000, t), new Random(5))[0].Values;
            Assert.Equal(1, values.Mean(), 0.05);
            Assert.Equal(4 * t, values.Variance(), 0.03 * 4 * t);
        }
    }

    [Fact]
    public void Distances_to_the_truth_match_their_closed_forms()
    {
        var model = new GaussianModel(1, 4);
        var statistics = model.CompareTo(new GaussianTruth(0, 1)).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal(1, statistics["mean_error"], 12);
        Assert.Equal(4, statistics["variance_ratio"], 12);
        // W2² = (m - m0)² + (s - s0)²; KL(N(m, s²) || N(m0, s0²)) = ln(s0/s) + (s² + (m - m0)²)/(2 s0²) - 1/2.
        Assert.Equal(Math.Sqrt(1 + 1), statistics["wasserstein_2"], 12);
        Assert.Equal(Math.Log(1 / 2.0) + (4 + 1) / 2.0 - 0.5, statistics["kl_to_original"], 12);
        Assert.Equal(0, new GaussianModel(0, 1).CompareTo(new GaussianTruth(0, 1)).Single(s => s.Name == "kl_to_original").Value, 12);
    }
}
