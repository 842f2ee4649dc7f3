using Ecosystem.Benchmarks.NGram;

namespace Ecosystem.Benchmarks.Tests;

public class NGramComparisonTests
{
    private const double Discount = 0.75;
    private const int Vocabulary = 50_257;
    private const long BigramTypes = 1_000;
    private const long UnigramTypes = 200;

    internal static NltkMeasurement Nltk(double[] probabilities, double[] weights, long[] continuations) => new(
        "3.8", "3.11.2", 3, Discount, 50_000, 201, 2.5, probabilities.Length, 10, probabilities, 16, 8, BigramTypes, UnigramTypes, weights, continuations);

    /// <summary>What our model gives when it differs from NLTK only at the unigram level: P_NLTK + Γ (P1_ours − P1_NLTK).</summary>
    private static double[] OursFrom(NltkMeasurement nltk)
    {
        var lambda = Discount * UnigramTypes / BigramTypes;
        return nltk.Probabilities.Select((p, i) =>
        {
            var c = nltk.ContinuationCounts[i];
            var ours = Math.Max(c - Discount, 0) / BigramTypes + lambda / Vocabulary;
            return p + nltk.UnigramWeights[i] * (ours - c / (double)BigramTypes);
        }).ToArray();
    }

    [Fact]
    public void Probabilities_that_differ_only_at_the_unigram_level_pass_the_decomposition_check()
    {
        var nltk = Nltk([0.3, 0.01, 0.0, 0.05], [0.2, 0.5, 1.0, 0.1], [5, 1, 0, 3]);

        var comparison = NGramComparison.From(OursFrom(nltk), nltk, Discount, Vocabulary);

        Assert.Equal(4, comparison.DecompositionTokens);
        Assert.True(comparison.DecompositionMaxRelativeError < 1e-14, $"error {comparison.DecompositionMaxRelativeError}");
        Assert.Equal(Discount * UnigramTypes / BigramTypes, comparison.UniformShare, 15);
    }

    [Fact]
    public void A_difference_above_the_unigram_level_shows_in_the_decomposition_check()
    {
        var nltk = Nltk([0.3, 0.01, 0.0, 0.05], [0.2, 0.5, 1.0, 0.1], [5, 1, 0, 3]);
        var ours = OursFrom(nltk);
        ours[1] *= 1.01;

        var comparison = NGramComparison.From(ours, nltk, Discount, Vocabulary);

        Assert.Equal(0.01 / 1.01, comparison.DecompositionMaxRelativeError, 9);
    }

    [Fact]
    public void Tokens_NLTK_gives_zero_are_counted_and_left_out_of_the_common_perplexity()
    {
        var nltk = Nltk([0.5, 0.0, 0.25], [], []);
        double[] ours = [0.5, 0.001, 0.25];

        var comparison = NGramComparison.From(ours, nltk, Discount, Vocabulary);

        Assert.Equal(1, comparison.NltkZeroTokens);
        Assert.Equal(Math.Sqrt(8), comparison.NltkPerplexityCommon, 12);
        Assert.Equal(Math.Sqrt(8), comparison.OursPerplexityCommon, 12);
        Assert.Equal(Math.Pow(0.5 * 0.001 * 0.25, -1.0 / 3), comparison.OursPerplexityAll, 9);
        Assert.Equal(0, comparison.MeanAbsLogDifference, 15);
        Assert.Equal(0, comparison.DecompositionTokens);
    }
}
