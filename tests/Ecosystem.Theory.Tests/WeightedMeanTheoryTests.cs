using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Theory.Tests;

/// <summary>He, Xu and Cheng's weighted recursion: the closed form's known values, and chains run with the weighted
/// Gaussian fit at a smaller size than the shipped sweep, every point within 3 standard errors of the closed form and
/// the simulated minimum within 0.05 of the golden ratio's reciprocal. The variance is known, as in the closed form.</summary>
public class WeightedMeanTheoryTests
{
    [Fact]
    public void With_as_many_real_as_synthetic_values_the_best_weight_is_the_golden_ratio_reciprocal()
    {
        var golden = (Math.Sqrt(5) - 1) / 2;
        Assert.Equal(golden, WeightedMeanTheory.OptimalWeight(100, 100), 6);
        Assert.Equal(golden / 100, WeightedMeanTheory.StationaryMeanSquaredError(golden, 100, 100, 1), 10);
        Assert.Equal(1.0 / 100, WeightedMeanTheory.StationaryMeanSquaredError(1, 100, 100, 1), 12);
        Assert.Equal(2.0 / 3 / 100, WeightedMeanTheory.StationaryMeanSquaredError(0.5, 100, 100, 1), 12);

        // More synthetic values make them worth more weight: the optimum moves below the golden ratio's reciprocal.
        Assert.True(WeightedMeanTheory.OptimalWeight(100, 400) < golden - 0.05);
    }

    [Fact]
    public void The_recursion_converges_to_the_stationary_error()
    {
        var e = 1.0 / 50;
        for (var t = 0; t < 200; t++)
        {
            e = WeightedMeanTheory.NextMeanSquaredError(e, 0.4, 30, 70, 2);
        }

        Assert.Equal(WeightedMeanTheory.StationaryMeanSquaredError(0.4, 30, 70, 2), e, 12);
    }

    [Fact]
    public void Weighted_gaussian_fits_reproduce_the_closed_form_and_its_minimum()
    {
        // n = m = 10 values a generation; 1,600 chains of 40 generations, the last 30 averaged per chain, so points are
        // independent across chains and their standard error is the spread of the chain averages.
        const int values = 10, chains = 1600, burnIn = 10, generations = 40;
        double[] weights = [0.3, 0.4, 0.5, 0.55, 0.6, 0.618, 0.65, 0.7, 0.8, 0.9, 1.0];
        var family = new GaussianFamily(VarianceEstimator.Known, 1);
        var truth = new GaussianTruth(0, 1);
        var simulated = new double[weights.Length];
        for (var p = 0; p < weights.Length; p++)
        {
            var w = weights[p];
            var perChain = new double[chains];
            for (var c = 0; c < chains; c++)
            {
                var random = new Random(7919 * p + c);
                var model = (GaussianModel)family.Fit([truth.Sample(values, random)], random);
                double sum = 0;
                for (var t = 1; t <= generations; t++)
                {
                    DocumentContent[] set = [truth.Sample(values, random), .. model.Sample(1, new SamplingOptions(values), random)];
                    var trainingWeights = TrainingWeights.ForRealShare([true, false], [values, values], w);
                    model = (GaussianModel)family.Fit(set, trainingWeights, random);
                    if (t > burnIn)
                    {
                        sum += model.Mean * model.Mean;
                    }
                }

                perChain[c] = sum / (generations - burnIn);
            }

            var mean = perChain.Average();
            var standardError = Math.Sqrt(perChain.Sum(v => (v - mean) * (v - mean)) / (chains - 1) / chains);
            var expected = WeightedMeanTheory.StationaryMeanSquaredError(w, values, values, 1);
            Assert.True(Math.Abs(mean - expected) <= 3 * standardError,
                $"w = {w}: simulated {mean}, closed form {expected}, standard error {standardError}");
            simulated[p] = mean;
        }

        var best = weights[Array.IndexOf(simulated, simulated.Min())];
        Assert.InRange(best, 0.618 - 0.05, 0.618 + 0.05);
    }
}
