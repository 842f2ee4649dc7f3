using Ecosystem.Abstractions.Corpus;
using Ecosystem.Models;
using Ecosystem.Watermarking;

namespace Ecosystem.Models.Tests;

/// <summary>Weighted n-gram fits: unit weights give the unweighted model, the counts match their definition, fractional
/// counts below the discount still leave every distribution normalised, weights move probability the way they should,
/// and every sampler draws the weighted model's own probabilities.</summary>
public class NGramWeightedTests
{
    private const int Vocabulary = 12;
    private const double Discount = 0.75;

    // Raw weights before TrainingWeights rescales them to average 1 per token (about 0.5 per unit of these): the two
    // smallest fall below the discount, so some counts do, and the largest make counts of several units.
    private static readonly double[] Mix = [0.05, 0.3, 1, 2.5, 6];

    private static readonly GreenListWatermark Watermark = new("acme", 0.5, 2);

    private static TrainingWeights Weights(IReadOnlyList<DocumentContent> documents, Func<int, double> raw) =>
        TrainingWeights.Of([.. documents.Select((_, d) => raw(d))], [.. documents.Select(d => d.Length)]);

    private static NGramModel Fit(int order, IReadOnlyList<DocumentContent> documents, TrainingWeights? weights) =>
        (NGramModel)new NGramFamily(order, Discount, Vocabulary).Fit(documents, weights, new Random(0));

    /// <summary>The structured corpus and one short document holding token 11, which the corpus never uses, so that even
    /// a unigram count falls below the discount.</summary>
    private static List<DocumentContent> MixedCorpus(int documents) =>
        [.. NGramModelTests.Corpus(documents, 1), DocumentContent.FromTokens([7, 11])];

    private static NGramModel FitMixed(int order, int documents = 60)
    {
        var corpus = MixedCorpus(documents);
        return Fit(order, corpus, Weights(corpus, d => d == documents ? Mix[0] : Mix[d % Mix.Length]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Weights_of_one_give_the_unweighted_model(int order)
    {
        var corpus = NGramModelTests.Corpus(60, 1);
        var unweighted = Fit(order, corpus, null);
        var weighted = Fit(order, corpus, Weights(corpus, _ => 1));

        foreach (var history in NGramModelTests.Histories)
        {
            for (var w = 0; w < Vocabulary; w++)
            {
                var expected = unweighted.Probability(history, w);
                Assert.True(Math.Abs(weighted.Probability(history, w) - expected) <= 1e-12 * expected,
                    $"P({w} | {string.Join(" ", history)}): {weighted.Probability(history, w)} weighted, {expected} unweighted");
            }
        }

        var heldOut = NGramModelTests.Corpus(10, 2);
        Assert.All(heldOut, d => Assert.Equal(unweighted.Score(d).LogLikelihood, weighted.Score(d).LogLikelihood, 9));
        Assert.Equal(unweighted.Describe(), weighted.Describe());

        // The same draws from the same seed: T = 1 descends the interpolation, other temperatures go through the
        // tempered tables, and the watermark through its envelope.
        SamplingOptions[] samplings =
        [
            new(30, 1.0), new(30, 0.6), new(30, 1.6),
            new(30, 1.0) { Watermark = Watermark }, new(30, 0.8) { Watermark = Watermark },
        ];
        foreach (var options in samplings)
        {
            Assert.Equal(
                unweighted.Sample(40, options, new Random(5)).Select(d => d.Tokens),
                weighted.Sample(40, options, new Random(5)).Select(d => d.Tokens));
        }
    }

    [Theory]
    [InlineData(1, 1 << 22)]
    [InlineData(2, 1 << 22)]
    [InlineData(3, 1 << 22)]
    [InlineData(3, 7)]
    [InlineData(5, 1 << 22)]
    [InlineData(5, 13)]
    public void Weighted_counts_and_continuation_counts_match_their_definition(int order, int chunkGrams)
    {
        // Brute force over the padded text, every chunk size: the highest order sums its occurrences' weights; below
        // it each distinct left-extension (u h w) adds the largest weight among its occurrences to (h w). Documents of
        // weight 0 add nothing.
        var corpus = NGramModelTests.Corpus(40, 4);
        var weights = Weights(corpus, d => d % 7 == 3 ? 0 : Mix[d % Mix.Length]);
        var documents = corpus.Select(d => d.Tokens).ToList();
        var tables = NGramCounter.BuildWeighted<UInt128>(documents, weights.PerDocument, order, Vocabulary, Discount, chunkGrams);

        for (var n = 1; n <= order; n++)
        {
            var occurrences = new Dictionary<(long Context, int Token, int Left), (double Sum, double Max)>();
            for (var d = 0; d < documents.Count; d++)
            {
                var a = weights[d];
                if (a == 0)
                {
                    continue;
                }

                var padded = Enumerable.Repeat(Vocabulary, order - 1).Concat(documents[d]).ToArray();
                for (var end = order - 1; end < padded.Length; end++)
                {
                    var left = n == order ? -1 : padded[end - n];
                    var key = (NGramCounter.Pack(padded.AsSpan(end - (n - 1), n - 1)), padded[end], left);
                    var (sum, max) = occurrences.GetValueOrDefault(key);
                    occurrences[key] = (sum + a, Math.Max(max, a));
                }
            }

            var expected = occurrences
                .GroupBy(o => (o.Key.Context, o.Key.Token))
                .ToDictionary(g => g.Key, g => n == order ? g.Sum(o => o.Value.Sum) : g.Sum(o => o.Value.Max));

            Assert.Equal(expected.Count, tables[n - 1].Types);
            foreach (var ((context, token), count) in expected)
            {
                Assert.True(tables[n - 1].TryGet(context, out var entry));
                var i = tables[n - 1].Followers(entry).BinarySearch(token);
                Assert.True(i >= 0);
                Assert.Equal(count, tables[n - 1].WeightedCountsOf(entry)[i], 12);
                Assert.Equal(expected.Where(e => e.Key.Context == context).Sum(e => e.Value), entry.Total, 10);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Probabilities_of_a_weighted_model_sum_to_one_with_counts_below_the_discount(int order)
    {
        var model = FitMixed(order);

        // The fit must hold fractional counts below D at the highest order, or the clamped discount goes untested.
        var top = model.Table(order);
        var belowDiscount = 0;
        foreach (var document in MixedCorpus(60))
        {
            var padded = Enumerable.Repeat(Vocabulary, order - 1).Concat(document.Tokens).ToArray();
            for (var end = order - 1; end < padded.Length; end++)
            {
                Assert.True(top.TryGet(NGramCounter.Pack(padded.AsSpan(end - (order - 1), order - 1)), out var entry));
                var i = top.Followers(entry).BinarySearch(padded[end]);
                belowDiscount += top.WeightedCountsOf(entry)[i] < Discount ? 1 : 0;
            }
        }

        Assert.True(belowDiscount > 0, "some counts fall below the discount");
        foreach (var history in NGramModelTests.Histories)
        {
            var sum = Enumerable.Range(0, Vocabulary).Sum(w => model.Probability(history, w));
            Assert.Equal(1.0, sum, 12);
            Assert.All(Enumerable.Range(0, Vocabulary), w => Assert.True(model.Probability(history, w) > 0));
        }
    }

    /// <summary>Pattern A: 1 2 3 8 9 repeated, pattern B: 1 2 3 4 5 repeated; 3 is followed by 8 in A and 4 in B, and 8
    /// is a context of A alone.</summary>
    private static List<DocumentContent> Patterns()
    {
        int[] a = [1, 2, 3, 8, 9], b = [1, 2, 3, 4, 5];
        return [.. Enumerable.Range(0, 20).Select(d => DocumentContent.FromTokens([.. Enumerable.Range(0, 25).Select(i => (d % 2 == 0 ? a : b)[i % 5])]))];
    }

    [Fact]
    public void Weighting_a_pattern_up_raises_its_continuations_and_scales_its_own_contexts_counts()
    {
        var documents = Patterns();
        var aHigh = Weights(documents, d => d % 2 == 0 ? 4 : 1);
        var bHigh = Weights(documents, d => d % 2 == 0 ? 1 : 4);
        var favourA = Fit(2, documents, aHigh);
        var favourB = Fit(2, documents, bHigh);

        Assert.True(favourA.Probability([3], 8) > favourB.Probability([3], 8) + 0.5,
            $"P(8 | 3): {favourA.Probability([3], 8)} favouring A, {favourB.Probability([3], 8)} favouring B");
        Assert.True(favourB.Probability([3], 4) > favourA.Probability([3], 4) + 0.5,
            $"P(4 | 3): {favourB.Probability([3], 4)} favouring B, {favourA.Probability([3], 4)} favouring A");

        // Context 8 occurs in A alone: its top-order count is A's unit weight times its unweighted count, under either
        // weighting, so the two weightings' counts stand in the ratio of A's weights.
        var unweighted = Fit(2, documents, null);
        Assert.True(unweighted.Table(2).TryGet(8, out var plain));
        var count = unweighted.Table(2).Counts(plain)[0];
        foreach (var (model, weights) in new[] { (favourA, aHigh), (favourB, bHigh) })
        {
            Assert.True(model.Table(2).TryGet(8, out var entry));
            Assert.Equal([9], model.Table(2).Followers(entry).ToArray());
            Assert.Equal(weights[0] * count, model.Table(2).WeightedCountsOf(entry)[0], 12);
        }

        Assert.True(favourA.Table(2).TryGet(8, out var high));
        Assert.True(favourB.Table(2).TryGet(8, out var low));
        Assert.Equal(aHigh[0] / bHigh[0], favourA.Table(2).WeightedCountsOf(high)[0] / favourB.Table(2).WeightedCountsOf(low)[0], 12);

        // Continuation counts of the unigram level take each left-extension's largest weight: 8 is completed only by
        // (3 8), in A; 3 only by (2 3), in both; 1 by (begin 1) in both, (9 1) in A and (5 1) in B.
        var (wa, wb) = (aHigh[0], aHigh[1]);
        var unigrams = favourA.Table(1);
        Assert.True(unigrams.TryGet(0, out var all));
        double Continuation(int token) => unigrams.WeightedCountsOf(all)[unigrams.Followers(all).BinarySearch(token)];
        Assert.Equal(wa, Continuation(8), 12);
        Assert.Equal(Math.Max(wa, wb), Continuation(3), 12);
        Assert.Equal(Math.Max(wa, wb) + wa + wb, Continuation(1), 12);
    }

    /// <summary>p(w|history)^(1/T) normalised over the whole vocabulary.</summary>
    private static double[] Tempered(NGramModel model, int[] history, double temperature)
    {
        var weights = Enumerable.Range(0, Vocabulary).Select(w => Math.Pow(model.Probability(history, w), 1 / temperature)).ToArray();
        return [.. weights.Select(x => x / weights.Sum())];
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.6)]
    [InlineData(1.7)]
    public void Sampling_a_weighted_model_draws_its_own_probabilities(double temperature)
    {
        // Three-token documents: the first token from the start context, the third after the most frequent first two,
        // where the clamped top-order counts, the bigram back-off and the unigram level all take part.
        var model = FitMixed(3, documents: 8);
        var documents = model.Sample(150_000, new SamplingOptions(3, temperature), new Random(31));
        var first = new int[Vocabulary];
        foreach (var document in documents)
        {
            first[document.Tokens[0]]++;
        }

        FrequencyAssertions.Within(first, Tempered(model, [], temperature), "first token", standardErrors: 3);

        var context = documents.GroupBy(d => (d.Tokens[0], d.Tokens[1])).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var third = new int[Vocabulary];
        foreach (var document in context)
        {
            third[document.Tokens[2]]++;
        }

        FrequencyAssertions.Within(third, Tempered(model, [context.Key.Item1, context.Key.Item2], temperature), $"after {context.Key}",
            standardErrors: 3);
    }

    [Fact]
    public void Watermarked_sampling_of_a_weighted_model_follows_its_biased_softmax()
    {
        var model = FitMixed(3, documents: 8);
        const double temperature = 0.8;
        var documents = model.Sample(150_000, new SamplingOptions(3, temperature) { Watermark = Watermark }, new Random(32));
        var context = documents.GroupBy(d => (d.Tokens[0], d.Tokens[1])).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var counts = new int[Vocabulary];
        foreach (var document in context)
        {
            counts[document.Tokens[2]]++;
        }

        int[] history = [context.Key.Item1, context.Key.Item2];
        var biased = Enumerable.Range(0, Vocabulary)
            .Select(w => Math.Pow(model.Probability(history, w), 1 / temperature) * (Watermark.IsGreen(history[^1], w) ? Math.Exp(Watermark.Delta) : 1))
            .ToArray();
        FrequencyAssertions.Within(counts, [.. biased.Select(x => x / biased.Sum())], $"after {context.Key}", standardErrors: 3);
    }
}
