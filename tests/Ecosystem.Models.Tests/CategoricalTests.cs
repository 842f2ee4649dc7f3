using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

/// <summary>The categorical family: Shumailov et al.'s absorbing Markov chain and the distances to the truth.</summary>
public class CategoricalTests
{
    private static readonly double[] Q = [0.5, 0.3, 0.15, 0.05];

    [Fact]
    public void Refit_chains_all_absorb_in_state_i_with_probability_q_i()
    {
        // The fitted probabilities are a martingale bounded in [0, 1], so P(absorbed in i) = q_i. Tolerance: 4 binomial
        // standard errors √(q(1-q)/chains).
        const int chains = 2000, m = 10;
        var family = new CategoricalFamily(Q.Length);
        var absorbed = new int[Q.Length];
        for (var c = 0; c < chains; c++)
        {
            var random = new Random(c);
            var model = (CategoricalModel)family.Fit([new CategoricalTruth(Q).Sample(m, random)], random);
            var steps = 0;
            while (model.AbsorbedState < 0)
            {
                model = (CategoricalModel)family.Fit(model.Sample(1, new SamplingOptions(m), random), random);
                Assert.True(++steps < 100_000, "a chain must absorb");
            }

            absorbed[model.AbsorbedState]++;
        }

        for (var i = 0; i < Q.Length; i++)
        {
            var standardError = Math.Sqrt(Q[i] * (1 - Q[i]) / chains);
            Assert.InRange(absorbed[i] / (double)chains, Q[i] - 4 * standardError, Q[i] + 4 * standardError);
        }
    }

    [Fact]
    public void Fit_is_the_empirical_frequencies()
    {
        var model = (CategoricalModel)new CategoricalFamily(4).Fit(
            [DocumentContent.FromTokens([0, 0, 1]), DocumentContent.FromTokens([0, 3])], new Random(0));

        Assert.Equal([0.6, 0.2, 0, 0.2], model.Probabilities);
        Assert.Throws<ArgumentException>(() => new CategoricalFamily(4).Fit([DocumentContent.FromTokens([4])], new Random(0)));
    }

    [Fact]
    public void Describe_and_compare_match_the_closed_forms()
    {
        var model = new CategoricalModel([0.6, 0.4, 0, 0]);
        var described = model.Describe();
        Assert.Equal(2, described.Single(s => s.Name == "support_size").Value);
        Assert.Equal(-1, described.Single(s => s.Name == "absorbed_state").Value);
        Assert.Equal(-(0.6 * Math.Log2(0.6) + 0.4 * Math.Log2(0.4)), described.Single(s => s.Name == "entropy_bits").Value, 12);
        Assert.Equal(0.4, described.Single(s => s.Name == "probability" && s.Label == "1").Value);

        var compared = model.CompareTo(new CategoricalTruth(Q)).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(0.6 * Math.Log(0.6 / 0.5) + 0.4 * Math.Log(0.4 / 0.3), compared["kl_to_original"], 12);
        Assert.Equal(double.PositiveInfinity, compared["kl_from_original"]);
        Assert.Equal((0.1 + 0.1 + 0.15 + 0.05) / 2, compared["total_variation"], 12);

        Assert.Equal(2, new CategoricalModel([0, 0, 1, 0]).AbsorbedState);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Sampling_follows_the_tempered_distribution(double temperature)
    {
        // p^(1/T) renormalised; each cell within 4.5 binomial standard errors of 100,000 draws.
        const int draws = 100_000;
        var model = new CategoricalModel(Q);
        var tokens = model.Sample(1, new SamplingOptions(draws, temperature), new Random(9))[0].Tokens;
        var weights = Q.Select(q => Math.Pow(q, 1 / temperature)).ToArray();
        for (var i = 0; i < Q.Length; i++)
        {
            var p = weights[i] / weights.Sum();
            var standardError = Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange(tokens.Count(t => t == i) / (double)draws, p - 4.5 * standardError, p + 4.5 * standardError);
        }
    }
}
