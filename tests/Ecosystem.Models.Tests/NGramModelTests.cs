using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

public class NGramModelTests
{
    private const int Vocabulary = 12;

    /// <summary>A small structured corpus: a few repeating patterns over a 12-token vocabulary.</summary>
    private static List<DocumentContent> Corpus(int documents, int seed)
    {
        var random = new Random(seed);
        var result = new List<DocumentContent>();
        for (var d = 0; d < documents; d++)
        {
            var tokens = new int[30];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = i == 0 ? random.Next(4) : random.NextDouble() < 0.8 ? (tokens[i - 1] * 3 + 1) % 10 : random.Next(Vocabulary - 1);
            }

            result.Add(DocumentContent.FromTokens(tokens));
        }

        return result;
    }

    private static NGramModel Fit(int order, int documents = 60) =>
        (NGramModel)new NGramFamily(order, 0.75, Vocabulary).Fit(Corpus(documents, 1), new Random(0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Probabilities_of_every_context_sum_to_one_over_the_whole_vocabulary(int order)
    {
        var model = Fit(order);
        int[][] histories = [[], [1], [4, 3], [1, 4, 3], [11, 11], [0, 1, 4]];

        foreach (var history in histories)
        {
            var sum = Enumerable.Range(0, Vocabulary).Sum(w => model.Probability(history, w));
            Assert.Equal(1.0, sum, 12);
            Assert.All(Enumerable.Range(0, Vocabulary), w => Assert.True(model.Probability(history, w) > 0));
        }
    }

    [Fact]
    public void Held_out_perplexity_is_finite_and_lower_for_trigrams_than_unigrams_on_structured_text()
    {
        var heldOut = Corpus(30, 2);
        double Perplexity(NGramModel model) =>
            Math.Exp(-heldOut.Sum(d => model.Score(d).LogLikelihood) / heldOut.Sum(d => d.Length));

        var unigram = Perplexity(Fit(1));
        var trigram = Perplexity(Fit(3));

        Assert.True(double.IsFinite(trigram));
        Assert.True(trigram < unigram * 0.7, $"trigram {trigram} vs unigram {unigram}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(1.7)]
    public void Sampling_is_exactly_the_tempered_distribution(double temperature)
    {
        // One-token documents from the start context: the empirical frequencies must match p^(1/T)/Z computed by
        // brute force over the whole vocabulary. Each cell is within 4.5 binomial standard errors.
        var model = Fit(3, documents: 8);
        const int draws = 60_000;
        var counts = new int[Vocabulary];
        foreach (var document in model.Sample(draws, new SamplingOptions(1, temperature), new Random(42)))
        {
            counts[document.Tokens[0]]++;
        }

        var weights = Enumerable.Range(0, Vocabulary).Select(w => Math.Pow(model.Probability([], w), 1 / temperature)).ToArray();
        var total = weights.Sum();
        for (var w = 0; w < Vocabulary; w++)
        {
            var p = weights[w] / total;
            var standardError = Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange(counts[w] / (double)draws, p - 4.5 * standardError, p + 4.5 * standardError);
        }
    }

    [Fact]
    public void Sampling_after_a_context_follows_the_conditional_distribution()
    {
        // Two-token documents: the second token given the first, compared with P(w | first) for the most frequent first token.
        var model = Fit(2, documents: 8);
        const int draws = 80_000;
        var documents = model.Sample(draws, new SamplingOptions(2, 0.7), new Random(7));
        var first = documents.GroupBy(d => d.Tokens[0]).OrderByDescending(g => g.Count()).First();
        var counts = new int[Vocabulary];
        foreach (var document in first)
        {
            counts[document.Tokens[1]]++;
        }

        var weights = Enumerable.Range(0, Vocabulary).Select(w => Math.Pow(model.Probability([first.Key], w), 1 / 0.7)).ToArray();
        var n = first.Count();
        for (var w = 0; w < Vocabulary; w++)
        {
            var p = weights[w] / weights.Sum();
            var standardError = Math.Sqrt(p * (1 - p) / n);
            Assert.InRange(counts[w] / (double)n, p - 4.5 * standardError, p + 4.5 * standardError);
        }
    }

    [Fact]
    public void Lower_temperature_lowers_the_diversity_of_samples()
    {
        var model = Fit(3);
        int Distinct(double t) => model.Sample(200, new SamplingOptions(30, t), new Random(3))
            .SelectMany(d => d.Tokens.Zip(d.Tokens.Skip(1), (a, b) => a * 100 + b)).Distinct().Count();

        Assert.True(Distinct(0.5) < Distinct(1.0));
    }

    [Fact]
    public void Sampling_is_deterministic_given_the_seed()
    {
        var model = Fit(3);
        var a = model.Sample(20, new SamplingOptions(30, 0.8), new Random(5));
        var b = model.Sample(20, new SamplingOptions(30, 0.8), new Random(5));

        Assert.Equal(a.Select(d => d.Tokens), b.Select(d => d.Tokens));
    }
}
