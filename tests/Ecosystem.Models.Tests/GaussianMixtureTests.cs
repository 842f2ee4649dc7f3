using Ecosystem.Models;
using MathNet.Numerics.Statistics;

namespace Ecosystem.Models.Tests;

/// <summary>The EM-fitted mixture family: parameter recovery, the collapse of its refit chain (Shumailov et al.'s GMM
/// example), and the numerical distances against their closed forms.</summary>
public class GaussianMixtureTests
{
    private static readonly GaussianMixtureTruth Bimodal = new([0.5, 0.5], [-2, 2], [0.5, 0.5]);

    [Fact]
    public void Em_recovers_a_well_separated_mixture()
    {
        var truth = new GaussianMixtureTruth([0.3, 0.7], [-4, 3], [1, 0.5]);
        var model = (GaussianMixtureModel)new GaussianMixtureFamily(2, 500, 1e-9).Fit([truth.Sample(20_000, new Random(1))], new Random(1));

        // With 20,000 points the standard errors are below 0.02 for every parameter; 0.05 is over 2.5 of them.
        Assert.Equal(0.3, model.Mixture.Weights[0], 0.05);
        Assert.Equal(-4, model.Mixture.Means[0], 0.05);
        Assert.Equal(1, model.Mixture.Variances[0], 0.05);
        Assert.Equal(3, model.Mixture.Means[1], 0.05);
        Assert.Equal(0.25, model.Mixture.Variances[1], 0.05);

        // W2 between separated modes is sensitive to the weights (a weight error e moves mass e across the gap, adding
        // about gap × √e); it must still be far below what a single Gaussian fitted to the same data achieves.
        var data = truth.Sample(20_000, new Random(1));
        var single = new GaussianFamily(VarianceEstimator.MaximumLikelihood).Fit([data], new Random(1));
        double W2(IGenerativeModel m) => m.CompareTo(truth).Single(s => s.Name == "wasserstein_2").Value;
        Assert.True(W2(model) < 0.5 * W2(single), $"mixture W2 {W2(model)}, single Gaussian W2 {W2(single)}");
    }

    [Fact]
    public void Describe_labels_components_by_index_in_order_of_their_means()
    {
        var model = new GaussianMixtureFamily(2, 200, 1e-9).Fit([Bimodal.Sample(2000, new Random(2))], new Random(2));
        var statistics = model.Describe();

        var means = statistics.Where(s => s.Name == "mean" && s.Label.Length > 0).ToList();
        Assert.Equal(["0", "1"], means.Select(s => s.Label));
        Assert.True(means[0].Value < means[1].Value);
        Assert.Equal(1, statistics.Where(s => s.Name == "weight").Sum(s => s.Value), 12);
        Assert.Single(statistics, s => s.Name == "variance" && s.Label.Length == 0);
        Assert.Single(statistics, s => s.Name == "log_likelihood");
    }

    [Fact]
    public void Refit_chain_loses_its_within_component_variance_and_drifts_away_from_the_truth()
    {
        // A weaker, qualitative check (the mixture has no closed-form law): 20 chains refitting a two-component mixture
        // to M = 50 of its own samples for 60 generations. Over 10 seeds the medians moved by factors of at least 80
        // (within-component variance), 2.7 (total variance) and 3.5 (W2), so the thresholds below leave wide margins.
        const int chains = 20, m = 50, generations = 60;
        var family = new GaussianMixtureFamily(2, 200, 1e-6);
        var first = new List<GaussianMixtureModel>();
        var last = new List<GaussianMixtureModel>();
        for (var c = 0; c < chains; c++)
        {
            var random = new Random(c);
            var model = (GaussianMixtureModel)family.Fit([Bimodal.Sample(m, random)], random);
            first.Add(model);
            for (var g = 1; g < generations; g++)
            {
                model = (GaussianMixtureModel)family.Fit(model.Sample(1, new SamplingOptions(m), random), random);
            }

            last.Add(model);
        }

        static double Within(GaussianMixtureModel model) => model.Mixture.Weights.Select((w, k) => w * model.Mixture.Variances[k]).Sum();
        double W2(GaussianMixtureModel model) => model.CompareTo(Bimodal).Single(s => s.Name == "wasserstein_2").Value;

        Assert.True(last.Select(Within).Median() < 0.05 * first.Select(Within).Median(), "within-component variance collapses");
        Assert.True(last.Select(x => x.Mixture.Variance).Median() < 0.5 * first.Select(x => x.Mixture.Variance).Median(), "total variance shrinks");
        Assert.True(last.Select(W2).Median() > 2 * first.Select(W2).Median(), "the chain drifts away from the truth");
    }

    [Fact]
    public void Numerical_distances_agree_with_the_closed_forms_on_one_component()
    {
        var exact = new GaussianModel(1, 4).CompareTo(new GaussianTruth(0, 1)).ToDictionary(s => s.Name, s => s.Value);
        var mixture = new GaussianMixtureModel(new MixtureComponents([1.0], [1], [4]), 0);
        var numeric = mixture.CompareTo(new GaussianTruth(0, 1)).ToDictionary(s => s.Name, s => s.Value);

        // The midpoint rules on 1,000 quantiles and 4,000 grid cells are accurate to about 1e-3.
        Assert.Equal(exact["wasserstein_2"], numeric["wasserstein_2"], 2);
        Assert.Equal(exact["kl_to_original"], numeric["kl_to_original"], 3);
        Assert.Equal(exact["mean_error"], numeric["mean_error"], 12);
        Assert.Equal(exact["variance_ratio"], numeric["variance_ratio"], 12);
    }

    [Fact]
    public void Distances_from_the_truth_to_itself_vanish_and_shifting_a_mixture_costs_the_shift()
    {
        var components = new MixtureComponents([0.5, 0.5], [-2, 2], [0.25, 0.25]);
        var self = new GaussianMixtureModel(components, 0).CompareTo(Bimodal).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(0, self["wasserstein_2"], 6);
        Assert.Equal(0, self["kl_to_original"], 6);

        // Translating a distribution by d moves every quantile by d: W2 = d exactly.
        var shifted = new GaussianMixtureModel(components with { Means = [-1.5, 2.5] }, 0).CompareTo(Bimodal);
        Assert.Equal(0.5, shifted.Single(s => s.Name == "wasserstein_2").Value, 3);
    }

    [Fact]
    public void Mixture_truth_samples_have_the_mixture_moments()
    {
        // Mean 0, variance 0.25 + 4 = 4.25; standard errors with n = 100,000 are 0.007 (mean) and about 0.013 (variance).
        var values = Bimodal.Sample(100_000, new Random(3)).Values;
        Assert.Equal(0, values.Mean(), 0.04);
        Assert.Equal(4.25, values.Variance(), 0.07);
    }

    [Fact]
    public void Score_is_finite_far_from_every_component()
    {
        var model = new GaussianMixtureModel(new MixtureComponents([0.5, 0.5], [-2, 2], [0.01, 0.01]), 0);
        var score = model.Score(Abstractions.Corpus.DocumentContent.FromValues([100.0]));
        Assert.True(double.IsFinite(score.LogLikelihood), $"log-likelihood {score.LogLikelihood}");
    }
}
