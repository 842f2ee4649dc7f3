using Ecosystem.Models;

namespace Ecosystem.Theory.Tests;

/// <summary>The categorical refit chain: absorption in state i with probability q_i, and the Wright-Fisher variance of
/// the fitted probabilities against chains run with the model classes.</summary>
public class CategoricalRefitTheoryTests
{
    private static readonly double[] Q = [0.45, 0.35, 0.2];

    [Fact]
    public void The_chain_is_absorbed_in_each_state_with_its_original_probability()
    {
        var theory = new CategoricalRefitTheory(Q);
        for (var g = 0; g < 400; g++)
        {
            theory.AddGeneration(8);
        }

        var absorbed = theory.Latest().Where(q => q.Name.StartsWith("absorbed_share_", StringComparison.Ordinal)).ToList();
        Assert.Equal(Q.Length, absorbed.Count);
        for (var i = 0; i < Q.Length; i++)
        {
            Assert.Equal(Q[i], absorbed[i].Expected, 6);
        }
    }

    [Fact]
    public void Simulated_chains_agree_with_the_fitted_probabilities_and_absorption_shares()
    {
        const int chains = 4000, draws = 8, generations = 12;
        var theory = new CategoricalRefitTheory(Q);
        var family = new CategoricalFamily(Q.Length);
        var truth = new CategoricalTruth(Q);
        var probabilities = new double[generations][];
        var absorbed = new int[generations][];
        for (var g = 0; g < generations; g++)
        {
            probabilities[g] = new double[chains];
            absorbed[g] = new int[chains];
        }

        for (var c = 0; c < chains; c++)
        {
            var random = new Random(31 + c);
            var model = (CategoricalModel)family.Fit([truth.Sample(draws, random)], random);
            for (var g = 0; g < generations; g++)
            {
                probabilities[g][c] = model.Probabilities[0];
                absorbed[g][c] = model.AbsorbedState;
                model = (CategoricalModel)family.Fit(model.Sample(1, new SamplingOptions(draws), random), random);
            }
        }

        for (var g = 0; g < generations; g++)
        {
            theory.AddGeneration(draws);
            var quantities = theory.Latest().ToDictionary(q => q.Name);
            var p0 = quantities[CategoricalRefitTheory.ProbabilityLabel(0)];
            Assert.True(Math.Abs(probabilities[g].Average() - p0.Expected) <= 3.5 * p0.StandardDeviation / Math.Sqrt(chains), $"generation {g}: p0");
            var share = quantities[CategoricalRefitTheory.AbsorbedLabel(0)];
            var simulated = absorbed[g].Count(s => s == 0) / (double)chains;
            Assert.True(Math.Abs(simulated - share.Expected) <= 3.5 * Math.Max(share.StandardDeviation, 1e-9) / Math.Sqrt(chains),
                $"generation {g}: absorbed in 0 {simulated}, expected {share.Expected}");
        }
    }
}
