using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

/// <summary>Training weights (training.realWeight) and the weighted fits of the theory families.</summary>
public class WeightedFitTests
{
    [Fact]
    public void Real_share_weights_give_each_part_its_share_and_average_one_per_unit()
    {
        var weights = TrainingWeights.ForRealShare([true, false, false], [10, 20, 10], 0.6)!;
        // 40 units: the real 10 carry 0.6 of 40, the synthetic 30 carry 0.4 of 40.
        Assert.Equal(0.6 * 40 / 10, weights[0], 12);
        Assert.Equal(0.4 * 40 / 30, weights[1], 12);
        Assert.Equal(40, weights[0] * 10 + weights[1] * 20 + weights[2] * 10, 12);
        Assert.Null(TrainingWeights.ForRealShare([true, true], [5, 5], 0.6));
        Assert.Null(TrainingWeights.ForRealShare([false], [5], 0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingWeights.ForRealShare([true, false], [1, 1], 1.2));
    }

    [Fact]
    public void Unit_weights_give_the_unweighted_fits_bit_for_bit()
    {
        var random = new Random(3);
        DocumentContent[] values = [.. Enumerable.Range(0, 4).Select(_ => new GaussianTruth(1, 2).Sample(7, random))];
        var ones = TrainingWeights.Of([1, 1, 1, 1], [7, 7, 7, 7]);
        foreach (var estimator in new[] { VarianceEstimator.Unbiased, VarianceEstimator.MaximumLikelihood })
        {
            var plain = (GaussianModel)new GaussianFamily(estimator).Fit(values, new Random(1));
            var weighted = (GaussianModel)new GaussianFamily(estimator).Fit(values, ones, new Random(1));
            Assert.Equal(plain.Mean, weighted.Mean);
            Assert.Equal(plain.Variance, weighted.Variance);
        }

        var mixturePlain = (GaussianMixtureModel)new GaussianMixtureFamily(2, 100, 1e-9).Fit(values, new Random(1));
        var mixtureWeighted = (GaussianMixtureModel)new GaussianMixtureFamily(2, 100, 1e-9).Fit(values, ones, new Random(1));
        Assert.Equal(mixturePlain.Mixture.Means, mixtureWeighted.Mixture.Means);
        Assert.Equal(mixturePlain.Mixture.Variances, mixtureWeighted.Mixture.Variances);
    }

    [Fact]
    public void A_weighted_gaussian_fit_is_the_weighted_mean_and_reliability_weighted_variance()
    {
        DocumentContent[] set = [DocumentContent.FromValues([0, 2]), DocumentContent.FromValues([10, 12, 14])];
        var weights = TrainingWeights.ForRealShare([true, false], [2, 3], 0.75)!;
        var model = (GaussianModel)new GaussianFamily(VarianceEstimator.Unbiased).Fit(set, weights, new Random(1));

        // Part means 1 and 12 weighted 0.75 and 0.25.
        var mean = 0.75 * 1 + 0.25 * 12;
        Assert.Equal(mean, model.Mean, 12);
        double[] a = [weights[0], weights[0], weights[1], weights[1], weights[1]];
        double[] x = [0, 2, 10, 12, 14];
        var total = a.Sum();
        var squares = a.Zip(x, (w, v) => w * (v - mean) * (v - mean)).Sum();
        Assert.Equal(squares / (total - a.Sum(w => w * w) / total), model.Variance, 12);
    }

    [Fact]
    public void A_weighted_categorical_fit_is_the_weighted_frequencies()
    {
        DocumentContent[] set = [DocumentContent.FromTokens([0, 0, 1]), DocumentContent.FromTokens([2, 2, 2, 2])];
        var weights = TrainingWeights.ForRealShare([true, false], [3, 4], 0.9)!;
        var model = (CategoricalModel)new CategoricalFamily(3).Fit(set, weights, new Random(1));

        Assert.Equal(0.9 * 2 / 3, model.Probabilities[0], 12);
        Assert.Equal(0.9 / 3, model.Probabilities[1], 12);
        Assert.Equal(0.1, model.Probabilities[2], 12);
    }

    [Fact]
    public void Weighted_em_follows_the_heavier_cluster()
    {
        var random = new Random(5);
        var left = new GaussianTruth(-5, 1).Sample(200, random);
        var right = new GaussianTruth(5, 1).Sample(200, random);
        var family = new GaussianMixtureFamily(2, 200, 1e-10);
        var leftHeavy = (GaussianMixtureModel)family.Fit([left, right], TrainingWeights.ForRealShare([true, false], [200, 200], 0.8), new Random(1));
        var rightHeavy = (GaussianMixtureModel)family.Fit([left, right], TrainingWeights.ForRealShare([true, false], [200, 200], 0.2), new Random(1));

        // Components sorted by mean: the left one carries the real part's share of the weight.
        Assert.Equal(0.8, leftHeavy.Mixture.Weights[0], 2);
        Assert.Equal(0.2, rightHeavy.Mixture.Weights[0], 2);
    }
}
