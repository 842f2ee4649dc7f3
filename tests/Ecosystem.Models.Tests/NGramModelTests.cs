using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;

namespace Ecosystem.Models.Tests;

/// <summary>The interpolated Kneser-Ney family: normalisation, perplexity, and exactness of (tempered) sampling against
/// brute force over the whole vocabulary.</summary>
public class NGramModelTests
{
    private const int Vocabulary = 12;

    /// <summary>A small structured corpus: a few repeating patterns over a 12-token vocabulary.</summary>
    /// <summary>Contexts of every kind for the corpus below: empty, seen, unseen (11 never occurs), and longer than any order.</summary>
    internal static readonly int[][] Histories = [[], [1], [4, 3], [1, 4, 3], [11, 11], [0, 1, 4], [2, 7, 2, 1], [3, 0, 1, 4]];

    internal static List<DocumentContent> Corpus(int documents, int seed)
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
    [InlineData(5)]
    public void Probabilities_of_every_context_sum_to_one_over_the_whole_vocabulary(int order)
    {
        var model = Fit(order);
        foreach (var history in Histories)
        {
            var sum = Enumerable.Range(0, Vocabulary).Sum(w => model.Probability(history, w));
            Assert.Equal(1.0, sum, 12);
            Assert.All(Enumerable.Range(0, Vocabulary), w => Assert.True(model.Probability(history, w) > 0));
        }
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 7)]
    [InlineData(3, 64)]
    [InlineData(5, 13)]
    public void Counting_a_chunk_at_a_time_gives_the_same_tables_as_counting_at_once(int order, int chunkGrams)
    {
        var documents = Corpus(60, 4).Select(d => d.Tokens).ToList();
        var atOnce = NGramCounter.Build<UInt128>(documents, order, Vocabulary, chunkGrams: int.MaxValue);
        var chunked = NGramCounter.Build<UInt128>(documents, order, Vocabulary, chunkGrams);

        for (var n = 1; n <= order; n++)
        {
            Assert.Equal(atOnce[n - 1].Types, chunked[n - 1].Types);
        }

        // Every context of every order the text holds, with the begin symbol: the same followers, counts and totals.
        foreach (var document in documents)
        {
            var padded = Enumerable.Repeat(Vocabulary, order - 1).Concat(document).ToArray();
            for (var end = order - 1; end <= padded.Length; end++)
            {
                for (var n = 1; n <= order; n++)
                {
                    var key = NGramCounter.Pack(padded.AsSpan(end - (n - 1), n - 1));
                    Assert.Equal(atOnce[n - 1].TryGet(key, out var expected), chunked[n - 1].TryGet(key, out var actual));
                    Assert.Equal(expected, actual);
                    Assert.Equal(atOnce[n - 1].Followers(expected).ToArray(), chunked[n - 1].Followers(actual).ToArray());
                    Assert.Equal(atOnce[n - 1].Counts(expected).ToArray(), chunked[n - 1].Counts(actual).ToArray());
                }
            }
        }
    }

    [Fact]
    public void A_unigram_table_holds_every_token_of_the_text_with_its_frequency()
    {
        var documents = Corpus(60, 4).Select(d => d.Tokens).ToList();
        var table = NGramCounter.Build(documents, 1, Vocabulary)[0];
        var expected = documents.SelectMany(d => d).GroupBy(t => t).OrderBy(g => g.Key).ToList();

        Assert.True(table.TryGet(NGramCounter.Pack([]), out var context));
        Assert.Equal(expected.Select(g => g.Key), table.Followers(context).ToArray());
        Assert.Equal(expected.Select(g => g.Count()), table.Counts(context).ToArray().Select(c => (int)c));
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
        // brute force over the whole vocabulary (see FrequencyAssertions for the tolerance).
        var model = Fit(3, documents: 8);
        const int draws = 60_000;
        var counts = new int[Vocabulary];
        foreach (var document in model.Sample(draws, new SamplingOptions(1, temperature), new Random(42)))
        {
            counts[document.Tokens[0]]++;
        }

        FrequencyAssertions.Within(counts, Tempered(model, [], temperature), "first token");
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

        FrequencyAssertions.Within(counts, Tempered(model, [first.Key], 0.7), $"after {first.Key}");
    }

    [Fact]
    public void Lower_temperature_lowers_the_diversity_of_samples()
    {
        var model = Fit(3);
        int Distinct(double t) => model.Sample(200, new SamplingOptions(30, t), new Random(3))
            .SelectMany(d => d.Tokens.Zip(d.Tokens.Skip(1), (a, b) => a * 100 + b)).Distinct().Count();

        Assert.True(Distinct(0.5) < Distinct(1.0));

        double EntropyBits(double t) => model.Sample(200, new SamplingOptions(30, t), new Random(3))
            .SelectMany(d => d.Tokens).GroupBy(w => w).Select(g => (double)g.Count()).ToArray() is var c
            ? -c.Sum(x => x / c.Sum() * Math.Log2(x / c.Sum()))
            : 0;
        Assert.True(EntropyBits(0.5) < EntropyBits(1.0) && EntropyBits(1.0) < EntropyBits(2.0));
    }

    [Fact]
    public void Sampling_is_deterministic_given_the_seed()
    {
        var model = Fit(3);
        var a = model.Sample(20, new SamplingOptions(30, 0.8), new Random(5));
        var b = model.Sample(20, new SamplingOptions(30, 0.8), new Random(5));

        Assert.Equal(a.Select(d => d.Tokens), b.Select(d => d.Tokens));

        // The per-temperature tables cached by the first model must not change what a fresh model draws.
        var fresh = Fit(3).Sample(20, new SamplingOptions(30, 0.8), new Random(5));
        Assert.Equal(a.Select(d => d.Tokens), fresh.Select(d => d.Tokens));
    }

    /// <summary>Brute force over the whole vocabulary: p(w|history)^(1/T) / Σ_v p(v|history)^(1/T).</summary>
    private static double[] Tempered(NGramModel model, int[] history, double temperature)
    {
        var weights = Enumerable.Range(0, model.VocabularySize).Select(w => Math.Pow(model.Probability(history, w), 1 / temperature)).ToArray();
        var total = weights.Sum();
        return [.. weights.Select(x => x / total)];
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Sampling_after_two_tokens_of_a_trigram_model_follows_the_tempered_conditional(double temperature)
    {
        // Three-token documents: the third token given the most frequent first two, where the top-order table, the
        // bigram back-off and the unigram level all take part.
        var model = Fit(3, documents: 8);
        var documents = model.Sample(150_000, new SamplingOptions(3, temperature), new Random(11));
        var context = documents.GroupBy(d => (d.Tokens[0], d.Tokens[1])).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var counts = new int[Vocabulary];
        foreach (var document in context)
        {
            counts[document.Tokens[2]]++;
        }

        FrequencyAssertions.Within(counts, Tempered(model, [context.Key.Item1, context.Key.Item2], temperature), $"after {context.Key}");
    }

    [Fact]
    public void Tokens_never_seen_in_training_are_sampled_with_their_tempered_share()
    {
        // Vocabulary 40 with training tokens in 0..10: 29 ids exist only through the uniform floor. At T = 3 their share
        // is large enough to measure; unseen ids are pooled into one cell (they are exchangeable).
        const int vocabulary = 40, draws = 100_000;
        var model = (NGramModel)new NGramFamily(2, 0.75, vocabulary).Fit(Corpus(5, 1), new Random(0));
        var tokens = model.Sample(draws / 10, new SamplingOptions(10, 3.0), new Random(12)).SelectMany(d => d.Tokens.Take(1)).ToArray();
        var expected = Tempered(model, [], 3.0);

        var counts = new int[12];
        var pooled = new double[12];
        for (var w = 0; w < vocabulary; w++)
        {
            pooled[Math.Min(w, 11)] += expected[w];
        }

        foreach (var token in tokens)
        {
            counts[Math.Min(token, 11)]++;
        }

        Assert.True(pooled[11] > 0.05, $"the unseen share {pooled[11]} is measurable");
        FrequencyAssertions.Within(counts, pooled, "first token");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void The_exact_fallback_scan_draws_the_same_distribution_as_rejection(double temperature)
    {
        // No rejection allowed: every draw outside a context's followers goes through the vocabulary scan.
        var model = Fit(3, documents: 8);
        var sampler = new TemperedSampler(model, temperature, maxRejections: 0);
        int[] history = [1, 4];
        var context = history;
        var counts = new int[Vocabulary];
        var random = new Random(13);
        for (var i = 0; i < 60_000; i++)
        {
            counts[sampler.Draw(context, random)]++;
        }

        FrequencyAssertions.Within(counts, Tempered(model, history, temperature), "fallback");
    }

    [Fact]
    public void Describe_reports_types_per_order_training_tokens_and_distinct_training_tokens()
    {
        // One document 0 1 0 1 padded with two begin symbols: trigrams (b b 0) (b 0 1) (0 1 0) (1 0 1) are 4 types.
        var model = new NGramFamily(3, 0.75, 5).Fit([DocumentContent.FromTokens([0, 1, 0, 1])], new Random(0));
        var statistics = model.Describe();

        Assert.Equal(4, statistics.Single(s => s.Name == "ngram_types" && s.Label == "3").Value);
        Assert.Equal(2, statistics.Single(s => s.Name == "ngram_types" && s.Label == "1").Value);
        Assert.Equal(4, statistics.Single(s => s.Name == "training_tokens").Value);
        Assert.Equal(2, statistics.Single(s => s.Name == "model_vocabulary_size").Value);
    }

    [Fact]
    public void Fitting_rejects_tokens_outside_the_vocabulary_and_scoring_gives_them_zero_probability()
    {
        var family = new NGramFamily(2, 0.75, 5);
        Assert.Throws<ArgumentException>(() => family.Fit([DocumentContent.FromTokens([0, 5])], new Random(0)));

        var model = family.Fit([DocumentContent.FromTokens([0, 1, 2])], new Random(0));
        Assert.Equal(double.NegativeInfinity, model.Score(DocumentContent.FromTokens([0, 7])).LogLikelihood);
        Assert.True(double.IsFinite(model.Score(DocumentContent.FromTokens([4, 3, 4])).LogLikelihood));
    }

    [Fact]
    public void A_model_fitted_to_nothing_is_uniform()
    {
        var model = (NGramModel)new NGramFamily(3, 0.75, 7).Fit([], new Random(0));
        Assert.All(Enumerable.Range(0, 7), w => Assert.Equal(1 / 7.0, model.Probability([2, 3], w), 12));
        Assert.All(model.Sample(5, new SamplingOptions(4, 0.5), new Random(0)), d => Assert.All(d.Tokens, t => Assert.InRange(t, 0, 6)));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(1.0, true)]
    public void A_continuation_starts_from_the_prompt_s_last_tokens(double temperature, bool watermarked)
    {
        var model = Fit(3);
        DocumentContent prompt = DocumentContent.FromTokens([2, 9, 5, 6]);
        const int draws = 4000;
        var options = new SamplingOptions(1, temperature)
        {
            Prompts = Enumerable.Repeat(prompt, draws).ToList(),
            Watermark = watermarked ? new Ecosystem.Watermarking.GreenListWatermark("k", 0.5, 0) : null,
        };

        var first = model.Sample(draws, options, new Random(3)).Select(d => d.Tokens[0]).ToList();

        // Each token's frequency matches P(token | 5 6) within 4 binomial standard errors (delta 0 leaves it unbiased).
        for (var token = 0; token < Vocabulary; token++)
        {
            var p = model.Probability([5, 6], token);
            var observed = (double)first.Count(t => t == token) / draws;
            var band = 4 * Math.Sqrt(p * (1 - p) / draws) + 1e-9;
            Assert.InRange(observed, p - band, p + band);
        }

        Assert.True(model.Probability([5, 6], 9) > 2 * model.Probability([], 9), "the prompt's context changes the distribution");
    }
}
