using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;
using MathNet.Numerics.Statistics;

namespace Ecosystem.Models.Tests;

/// <summary>Shumailov et al.'s theorems on the model classes alone, with many chains.</summary>
public class TheoryChainTests
{
    private static IReadOnlyList<DocumentContent> Draw(IGenerativeModel model, int m, Random random) =>
        model.Sample(1, new SamplingOptions(m), random);

    [Fact]
    public void Mle_gaussian_refit_variance_follows_the_geometric_law()
    {
        const int chains = 3000, m = 20, generations = 30;
        var family = new GaussianFamily(VarianceEstimator.MaximumLikelihood);
        var truth = new GaussianTruth(0, 1);
        var variances = new double[generations][];
        for (var g = 0; g < generations; g++)
        {
            variances[g] = new double[chains];
        }

        for (var c = 0; c < chains; c++)
        {
            var random = new Random(c);
            var model = (GaussianModel)family.Fit([truth.Sample(m, random)], random);
            for (var g = 0; g < generations; g++)
            {
                variances[g][c] = model.Variance;
                model = (GaussianModel)family.Fit(Draw(model, m, random), random);
            }
        }

        foreach (var g in new[] { 0, 9, 29 })
        {
            // E[sigma_g^2] = ((M-1)/M)^(g+1); tolerance 4 standard errors of the mean over chains.
            var expected = Math.Pow((m - 1.0) / m, g + 1);
            var standardError = variances[g].StandardDeviation() / Math.Sqrt(chains);
            Assert.InRange(variances[g].Mean(), expected - 4 * standardError, expected + 4 * standardError);
        }
    }

    [Fact]
    public void Categorical_chains_absorb_in_proportion_to_the_original_probabilities()
    {
        double[] q = [0.5, 0.3, 0.15, 0.05];
        const int chains = 3000, m = 10;
        var family = new CategoricalFamily(q.Length);
        var absorbed = new int[q.Length];
        for (var c = 0; c < chains; c++)
        {
            var random = new Random(c);
            var model = (CategoricalModel)family.Fit([new CategoricalTruth(q).Sample(m, random)], random);
            var steps = 0;
            while (model.AbsorbedState < 0)
            {
                model = (CategoricalModel)family.Fit(Draw(model, m, random), random);
                Assert.True(++steps < 100_000, "a chain must absorb");
            }

            absorbed[model.AbsorbedState]++;
        }

        for (var i = 0; i < q.Length; i++)
        {
            var standardError = Math.Sqrt(q[i] * (1 - q[i]) / chains);
            Assert.InRange(absorbed[i] / (double)chains, q[i] - 4 * standardError, q[i] + 4 * standardError);
        }
    }

    [Fact]
    public void Em_recovers_a_well_separated_mixture()
    {
        var truth = new GaussianMixtureTruth([0.3, 0.7], [-4, 3], [1, 0.5]);
        var model = (GaussianMixtureModel)new GaussianMixtureFamily(2, 500, 1e-9).Fit([truth.Sample(20_000, new Random(1))], new Random(1));

        // With 20,000 points the standard errors are below 0.02 for every parameter; 0.05 is over 2.5 of them.
        Assert.Equal(0.3, model.Mixture.Weights[0], 0.05);
        Assert.Equal(-4, model.Mixture.Means[0], 0.05);
        Assert.Equal(3, model.Mixture.Means[1], 0.05);
        Assert.Equal(0.25, model.Mixture.Variances[1], 0.05);
        // W2 between separated modes is sensitive to the weights (a weight error e moves mass e across the gap, adding
        // about gap * sqrt(e)); it must still be far below what a single Gaussian fitted to the same data achieves.
        var data = truth.Sample(20_000, new Random(1));
        var single = new GaussianFamily(VarianceEstimator.MaximumLikelihood).Fit([data], new Random(1));
        double W2(IGenerativeModel m) => m.CompareTo(truth).Single(s => s.Name == "wasserstein_2").Value;
        Assert.True(W2(model) < 0.5 * W2(single), $"mixture W2 {W2(model)}, single Gaussian W2 {W2(single)}");
    }

    [Fact]
    public void Gaussian_distances_to_the_truth_match_their_closed_forms()
    {
        var model = new GaussianModel(1, 4);
        var statistics = model.CompareTo(new GaussianTruth(0, 1)).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal(Math.Sqrt(1 + 1), statistics["wasserstein_2"], 12);
        Assert.Equal(Math.Log(1 / 2.0) + (4 + 1) / 2.0 - 0.5, statistics["kl_to_original"], 12);

        // The numerical mixture distances agree with the closed forms on a one-component mixture.
        var mixture = new GaussianMixtureModel(new MixtureComponents([1.0], [1], [4]), 0);
        var numeric = mixture.CompareTo(new GaussianTruth(0, 1)).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(statistics["wasserstein_2"], numeric["wasserstein_2"], 2);
        Assert.Equal(statistics["kl_to_original"], numeric["kl_to_original"], 3);
    }
}
