using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

/// <summary>Many independent Gaussian refit chains (Shumailov et al., Nature 2024): generation 0 is fitted to M_0 samples
/// of the truth, generation g to M_g samples of generation g-1. Records every generation's fitted mean and variance.</summary>
internal sealed class GaussianRefitChains
{
    public GaussianRefitChains(VarianceEstimator estimator, int chains, IReadOnlyList<int> sampleSizes, GaussianTruth truth, int seed)
    {
        var generations = sampleSizes.Count;
        Means = new double[generations][];
        Variances = new double[generations][];
        for (var g = 0; g < generations; g++)
        {
            Means[g] = new double[chains];
            Variances[g] = new double[chains];
        }

        var family = new GaussianFamily(estimator);
        for (var c = 0; c < chains; c++)
        {
            var random = new Random(seed + c);
            var model = (GaussianModel)family.Fit([truth.Sample(sampleSizes[0], random)], random);
            for (var g = 0; g < generations; g++)
            {
                Means[g][c] = model.Mean;
                Variances[g][c] = model.Variance;
                if (g + 1 < generations)
                {
                    model = (GaussianModel)family.Fit(model.Sample(1, new SamplingOptions(sampleSizes[g + 1]), random), random);
                }
            }
        }
    }

    /// <summary>Means[g][c]: the fitted mean of generation g in chain c.</summary>
    public double[][] Means { get; }

    /// <summary>Variances[g][c]: the fitted variance of generation g in chain c.</summary>
    public double[][] Variances { get; }
}
