using System.Globalization;
using Ecosystem.Benchmarks.Results;
using static Ecosystem.Benchmarks.NGram.NGramMetrics;

namespace Ecosystem.Benchmarks.NGram;

/// <summary>Tables and explanations of the ngram suite's figures: each training size side by side, then why the
/// perplexities and speeds differ.</summary>
public static class NGramReport
{
    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        var sizes = index.Cases;
        if (sizes.Count == 0)
        {
            return new SuiteReport("n-gram model vs NLTK", "No figures.", [], []);
        }

        var first = sizes[0];
        var introduction = string.Create(CultureInfo.InvariantCulture, $"""
            The simulator's interpolated Kneser-Ney model (`src/Ecosystem.Models/NGramFamily.cs`) and NLTK's
            `nltk.lm.KneserNeyInterpolated`, in one run on the same data: GPT-2 token ids of the Brown training split
            (the simulator's split, 128-token documents evenly spaced over the genres), order {index.Get(first, NGramMetrics.Comparison, Order)},
            discount D = {index.Get(first, NGramMetrics.Comparison, Discount)} for both (NLTK's default of 0.1 is overridden), each document padded on the
            left with begin symbols and no end symbol, so both count exactly the same n-grams. NLTK runs in Debian's Python
            through `benchmarks/peers/nltk_kneser_ney.py`. Fit time is the median of at least three fits for ours and one fit
            for NLTK (building the n-grams and counting them); scoring is P(token | history) of every token of
            {index.Get(first, NGramMetrics.Comparison, ScoredTokens):N0} held-out tokens ({index.Get(first, NGramMetrics.Comparison, ScoredTokens) / NGramConfiguration.DocumentTokens:N0} documents evenly spaced over the held-out split); sampling draws
            128-token documents at temperature 1 from the begin symbol (ours: thousands; NLTK: as many tokens as the table
            says, one call of `generate` per token). Speed ratios are ours / NLTK.
            """);

        var tables = sizes.Select(size => new ReportTable(
            string.Create(CultureInfo.InvariantCulture, $"{index.Get(size, NGramMetrics.Ours, TrainTokens):N0} training tokens"),
            ["", "ecosystem", "NLTK", "ecosystem vs NLTK"],
            [
                ["fit", Figures.Seconds(index.Get(size, NGramMetrics.Ours, FitSeconds)), Figures.Seconds(index.Get(size, NGramMetrics.Nltk, FitSeconds)), Faster(index.Get(size, NGramMetrics.Comparison, FitSpeedRatio))],
                ["scoring (tokens/s)", Figures.Number(index.Get(size, NGramMetrics.Ours, ScoreTokensPerSecond)), Figures.Number(index.Get(size, NGramMetrics.Nltk, ScoreTokensPerSecond)), Faster(index.Get(size, NGramMetrics.Comparison, ScoreSpeedRatio))],
                [
                    "sampling (tokens/s)", Figures.Number(index.Get(size, NGramMetrics.Ours, SampleTokensPerSecond)),
                    $"{Figures.Number(index.Get(size, NGramMetrics.Nltk, SampleTokensPerSecond))} ({Figures.Count(index.Get(size, NGramMetrics.Nltk, SampledTokens))} tokens)",
                    Faster(index.Get(size, NGramMetrics.Comparison, SampleSpeedRatio)),
                ],
                [
                    $"held-out perplexity, the {Figures.Count(index.Get(size, NGramMetrics.Comparison, ScoredTokens) - index.Get(size, NGramMetrics.Nltk, ZeroProbabilityTokens))} tokens NLTK can score",
                    Figures.Number(index.Get(size, NGramMetrics.Ours, PerplexityNltkScorableTokens)), Figures.Number(index.Get(size, NGramMetrics.Nltk, PerplexityNltkScorableTokens)),
                    $"ratio {index.Get(size, NGramMetrics.Comparison, PerplexityRatio).ToString("F3", CultureInfo.InvariantCulture)}",
                ],
                [
                    $"held-out perplexity, all {Figures.Count(index.Get(size, NGramMetrics.Comparison, ScoredTokens))} tokens",
                    Figures.Number(index.Get(size, NGramMetrics.Ours, PerplexityAllTokens)),
                    $"∞ ({Figures.Count(index.Get(size, NGramMetrics.Nltk, ZeroProbabilityTokens))} tokens get p = 0)", "",
                ],
                [
                    $"held-out perplexity, whole held-out split ({Figures.Count(index.Get(size, NGramMetrics.Ours, SplitTokens))} tokens)",
                    Figures.Number(index.Get(size, NGramMetrics.Ours, SplitPerplexity)), "not run (too slow)", "",
                ],
                [
                    "vocabulary",
                    $"{Figures.Count(index.Get(size, NGramMetrics.Ours, VocabularySize))} ids ({Figures.Count(index.Get(size, NGramMetrics.Ours, VocabularyTypes))} seen)",
                    $"{Figures.Count(index.Get(size, NGramMetrics.Nltk, VocabularySize))} (seen, <s>, <UNK>)", "",
                ],
            ])).ToList();

        var last = sizes[^1];
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"""
            **The two models are the same above the unigram level.** NLTK's probability of a token is
            P = α₃ + γ₃(α₂ + γ₂ P₁(w)); with NLTK's own γs and its unigram level P₁ replaced by ours, it reproduces our
            probability of each of the first {index.Get(first, NGramMetrics.Comparison, DecompositionTokens):N0} held-out tokens to a relative
            {MaxError(index, sizes)} at most (largest over the sizes), i.e. to rounding. Counts, discount, back-off
            to shorter contexts when a context is unseen, and continuation counts below the top order all agree.
            """),
            string.Create(CultureInfo.InvariantCulture, $"""
            **Why the perplexities differ: the unigram level.** Ours discounts the unigram continuation counts too and spreads
            the freed mass, λ = D·T/N1+(••) of the unigram level ({Shares(index, sizes, NGramMetrics.Comparison, UnigramUniformShare)}), uniformly over
            all 50,257 GPT-2 ids, so every token has non-zero probability. NLTK's lowest level is the undiscounted
            continuation distribution N1+(•w)/N1+(••) over the training tokens only: a token never seen in training maps to
            `<UNK>`, which has no counts, and gets probability 0 ({Counts(index, sizes, NGramMetrics.Nltk, ZeroProbabilityTokens)} of the
            {index.Get(first, NGramMetrics.Comparison, ScoredTokens):N0} held-out tokens), so NLTK's perplexity of the whole held-out text is infinite. On the tokens
            NLTK can score it keeps the mass ours moves to unseen ids, so its perplexity is lower, by
            {Gaps(index, sizes, NGramMetrics.Comparison)}{Trend(index, sizes, NGramMetrics.Comparison)}. The mean |ln p_ours − ln p_NLTK| on those
            tokens is {Nats(index, sizes, NGramMetrics.Comparison)}. (The tokens NLTK can score are not the same at each size, so compare
            the two models within a size, not one model across sizes.)
            """),
            string.Create(CultureInfo.InvariantCulture, $"""
            **Why the speeds differ.** NLTK's fit only counts n-grams; its Kneser-Ney continuation counts are recomputed for
            every query by scanning every context of the next order (`KneserNey._continuation_counts`), so scoring one token
            costs time proportional to the number of distinct bigram and trigram contexts ({index.Get(last, NGramMetrics.Comparison, BigramTypes):N0}
            bigram types at {index.Get(last, NGramMetrics.Ours, TrainTokens):N0} tokens) and slows down as the training set grows. Ours sorts packed
            n-grams once into count tables with the continuation counts precomputed, so scoring a token is one hash
            look-up and one binary search among the context's followers per order. NLTK's `generate` scores every token ever seen after the current context to draw one token (hundreds
            at the start of a document), hence its very low sampling rate; it also draws only among those followers, never
            backing off to shorter contexts as the model's own distribution does. Ours draws exactly from the interpolated
            distribution by descending the interpolation (at most one draw per order).
            """),
        };

        return new SuiteReport("n-gram model vs NLTK", introduction, tables, notes);
    }

    private static string Faster(double ratio) => $"{Figures.Times(ratio)} faster";

    private static string MaxError(ResultIndex index, IEnumerable<string> sizes) =>
        sizes.Max(s => index.Get(s, NGramMetrics.Comparison, DecompositionMaxRelativeError)).ToString("G2", CultureInfo.InvariantCulture);

    private static string Shares(ResultIndex index, IReadOnlyList<string> sizes, string implementation, string metric) =>
        string.Join(", ", sizes.Select(s => $"{Figures.Percent(index.Get(s, implementation, metric))} at {s[6..]}"));

    private static string Counts(ResultIndex index, IReadOnlyList<string> sizes, string implementation, string metric) =>
        string.Join(", ", sizes.Select(s => $"{Figures.Count(index.Get(s, implementation, metric))} at {s[6..]}"));

    private static string Gaps(ResultIndex index, IReadOnlyList<string> sizes, string implementation) =>
        string.Join(" and ", sizes.Select(s => $"{Figures.Percent(index.Get(s, implementation, PerplexityRatio) - 1)} at {s[6..]}"));

    private static string Trend(ResultIndex index, IReadOnlyList<string> sizes, string implementation)
    {
        if (sizes.Count < 2)
        {
            return "";
        }

        double Gap(string size) => index.Get(size, implementation, PerplexityRatio);
        double Uniform(string size) => index.Get(size, implementation, UnigramUniformShare);
        var narrows = Gap(sizes[^1]) < Gap(sizes[0]);
        var falls = Uniform(sizes[^1]) < Uniform(sizes[0]);
        return (narrows, falls) switch
        {
            (true, true) => ": the gap narrows with more training data, as λ falls",
            (false, true) => ", although λ falls with more training data",
            _ => "",
        };
    }

    private static string Nats(ResultIndex index, IReadOnlyList<string> sizes, string implementation) =>
        string.Join(" and ", sizes.Select(s => $"{index.Get(s, implementation, MeanAbsLogProbabilityDifference).ToString("F3", CultureInfo.InvariantCulture)} nats at {s[6..]}"));
}
