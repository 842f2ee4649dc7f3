using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;
using Ecosystem.Watermarking;

namespace Ecosystem.Models.Tests;

/// <summary>Watermarked n-gram sampling draws exactly softmax(log P(w|h)/T + δ green), checked against brute force over
/// the whole vocabulary, on every path of the sampler: cached follower tables, the envelope for the back-off mass,
/// the unigram fallback and the exact scan.</summary>
public class WatermarkedSamplingTests
{
    private const int Vocabulary = 12;

    // gamma = 0.5 on a 12-token vocabulary puts about half the tokens on each green list.
    private static readonly GreenListWatermark Watermark = new("acme", 0.5, 2);

    private static NGramModel Fit(int order, int documents = 8) =>
        (NGramModel)new NGramFamily(order, 0.75, Vocabulary).Fit(NGramModelTests.Corpus(documents, 1), new Random(0));

    /// <summary>Brute force: P(w|history)^(1/T) e^(δ g_p(w)) normalised, p being the last token of the history or the
    /// begin symbol (id V) at the start.</summary>
    private static double[] Biased(NGramModel model, int[] history, double temperature, GreenListWatermark watermark)
    {
        var previous = history.Length > 0 ? history[^1] : model.VocabularySize;
        var weights = Enumerable.Range(0, model.VocabularySize)
            .Select(w => Math.Exp(Math.Log(model.Probability(history, w)) / temperature + (watermark.IsGreen(previous, w) ? watermark.Delta : 0)))
            .ToArray();
        var total = weights.Sum();
        return [.. weights.Select(x => x / total)];
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]
    [InlineData(1.8)]
    public void The_first_token_follows_the_biased_softmax(double temperature)
    {
        var model = Fit(3);
        var counts = new int[Vocabulary];
        foreach (var document in model.Sample(60_000, new SamplingOptions(1, temperature) { Watermark = Watermark }, new Random(21)))
        {
            counts[document.Tokens[0]]++;
        }

        FrequencyAssertions.Within(counts, Biased(model, [], temperature, Watermark), "first token");
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 0.8)]
    public void A_token_after_a_context_follows_the_biased_softmax_of_that_context(int order, double temperature)
    {
        // The most frequent context of the first order-1 tokens; its followers, the back-off orders and the unigram
        // floor all take part.
        var model = Fit(order);
        var documents = model.Sample(150_000, new SamplingOptions(order, temperature) { Watermark = Watermark }, new Random(22));
        var context = documents.GroupBy(d => string.Join(",", d.Tokens.Take(order - 1)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var counts = new int[Vocabulary];
        foreach (var document in context)
        {
            counts[document.Tokens[^1]]++;
        }

        var history = context.First().Tokens.Take(order - 1).ToArray();
        FrequencyAssertions.Within(counts, Biased(model, history, temperature, Watermark), $"after {context.Key}");
    }

    [Fact]
    public void A_unigram_model_is_watermarked_through_the_previous_token_it_does_not_condition_on()
    {
        var model = Fit(1);
        var documents = model.Sample(60_000, new SamplingOptions(2, 0.9) { Watermark = Watermark }, new Random(23));
        var first = documents.GroupBy(d => d.Tokens[0]).OrderByDescending(g => g.Count()).First();
        var counts = new int[Vocabulary];
        foreach (var document in first)
        {
            counts[document.Tokens[1]]++;
        }

        // The unigram model's probabilities do not depend on the history, but the green list does.
        var expected = Enumerable.Range(0, Vocabulary)
            .Select(w => Math.Pow(model.Probability([], w), 1 / 0.9) * (Watermark.IsGreen(first.Key, w) ? Math.Exp(Watermark.Delta) : 1))
            .ToArray();
        FrequencyAssertions.Within(counts, [.. expected.Select(x => x / expected.Sum())], $"after {first.Key}");
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void The_envelope_is_exact_when_every_back_off_draw_goes_through_the_vocabulary_scan(double temperature)
    {
        var model = Fit(3);
        var sampler = new WatermarkedSampler(new TemperedSampler(model, temperature, maxRejections: 0), Watermark);
        int[] history = [1, 4];
        var counts = new int[Vocabulary];
        var random = new Random(24);
        for (var i = 0; i < 60_000; i++)
        {
            counts[sampler.Draw(history, history[^1], random)]++;
        }

        FrequencyAssertions.Within(counts, Biased(model, history, temperature, Watermark), "fallback");
    }

    [Fact]
    public void A_token_never_seen_as_a_context_falls_back_to_the_unigram_node_and_stays_exact()
    {
        // Token 11 never occurs in training, so no bigram context ends with it: the draw after it uses the whole
        // tempered distribution as the proposal.
        var model = Fit(2);
        var sampler = new WatermarkedSampler(new TemperedSampler(model, 0.8), Watermark);
        var counts = new int[Vocabulary];
        var random = new Random(25);
        for (var i = 0; i < 60_000; i++)
        {
            counts[sampler.Draw([11], 11, random)]++;
        }

        Assert.Equal(0, model.Table(2).TryGet(11, out _) ? 1 : 0);
        FrequencyAssertions.Within(counts, Biased(model, [11], 0.8, Watermark), "after unseen 11");
    }

    [Fact]
    public void Watermarked_samples_are_green_far_more_often_than_gamma_and_deterministic_given_the_seed()
    {
        var model = Fit(3, documents: 60);
        var options = new SamplingOptions(30, 0.8) { Watermark = Watermark };
        var a = model.Sample(50, options, new Random(26));
        var b = model.Sample(50, options, new Random(26));
        Assert.Equal(a.Select(d => d.Tokens), b.Select(d => d.Tokens));

        var detector = new WatermarkDetector([Watermark], ignoreRepeatedPairs: false);
        var plain = model.Sample(50, new SamplingOptions(30, 0.8), new Random(26));
        double GreenShare(IEnumerable<DocumentContent> documents) =>
            documents.Select(d => detector.Score(d.Tokens, Watermark)).Sum(s => s.Green) / (double)documents.Sum(d => d.Tokens.Length - 1);
        Assert.True(GreenShare(a) > GreenShare(plain) + 0.15, $"green share {GreenShare(a)} watermarked, {GreenShare(plain)} plain");
    }

    [Fact]
    public void Families_that_do_not_sample_tokens_reject_a_watermark()
    {
        var options = new SamplingOptions(3, 1) { Watermark = Watermark };
        Assert.Throws<NotSupportedException>(() => new GaussianFamily(VarianceEstimator.Unbiased)
            .Fit([DocumentContent.FromValues([1, 2, 3])], new Random(0)).Sample(1, options, new Random(0)));
        Assert.Throws<NotSupportedException>(() => new CategoricalFamily(3)
            .Fit([DocumentContent.FromTokens([0, 1, 2])], new Random(0)).Sample(1, options, new Random(0)));
    }
}
