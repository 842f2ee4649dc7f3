using System.Collections.Concurrent;
using System.Globalization;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>A fitted interpolated Kneser-Ney model. P_n(w|h) = max(c(h w) - D, 0)/c(h) + D N1+(h •)/c(h) P_{n-1}(w|h'),
/// with raw counts at the top order, continuation counts below, and a uniform distribution under the unigrams.</summary>
/// <remarks>Because the recursion is linear, P(w|h) = A(w) + Λ P_1(w) where A is non-zero only on the set S of tokens
/// seen after the context's suffixes. Tempered sampling, p^(1/T)/Z, is therefore exact without touching the whole
/// vocabulary: tokens in S are weighed one by one, and the rest share Λ^(1/T) (Z_T - Σ_S P_1^(1/T)) and are drawn
/// from a precomputed table of P_1^(1/T) by rejection.</remarks>
public sealed class NGramModel : IGenerativeModel
{
    private const int MaxRejections = 256;

    private readonly Dictionary<long, NGramContext>[] _tables;
    private readonly int _order;
    private readonly double _discount;
    private readonly int _vocabularySize;
    private readonly long _trainingTokens;
    private readonly double[] _unigram;
    private readonly ConcurrentDictionary<double, TemperedUnigram> _tempered = new();

    internal NGramModel(Dictionary<long, NGramContext>[] tables, int order, double discount, int vocabularySize, long trainingTokens)
    {
        _tables = tables;
        _order = order;
        _discount = discount;
        _vocabularySize = vocabularySize;
        _trainingTokens = trainingTokens;
        _unigram = BuildUnigram();
    }

    /// <summary>The model's order.</summary>
    public int Order => _order;

    /// <summary>P(<paramref name="token"/> | <paramref name="history"/>), history oldest first (shorter histories are
    /// padded with the begin-of-sequence symbol).</summary>
    public double Probability(ReadOnlySpan<int> history, int token)
    {
        Span<int> context = stackalloc int[Math.Max(_order - 1, 1)];
        FillContext(history, context[..(_order - 1)]);
        return Probability(context[..(_order - 1)], token, out _);
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        var documents = new DocumentContent[count];
        var context = new int[_order - 1];
        var scratch = new SamplingScratch(_vocabularySize);
        var tempered = options.Temperature == 1 ? null : _tempered.GetOrAdd(options.Temperature, t => new TemperedUnigram(_unigram, t));
        for (var d = 0; d < count; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Fill(context, _vocabularySize);
            var tokens = new int[options.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tempered is null ? SampleExact(context, random) : SampleTempered(context, tempered, scratch, random);
                tokens[i] = token;
                if (context.Length > 0)
                {
                    Array.Copy(context, 1, context, 0, context.Length - 1);
                    context[^1] = token;
                }
            }

            documents[d] = DocumentContent.FromTokens(tokens);
        }

        return documents;
    }

    /// <inheritdoc />
    public DocumentScore Score(DocumentContent document)
    {
        var context = new int[_order - 1];
        Array.Fill(context, _vocabularySize);
        double logLikelihood = 0;
        foreach (var token in document.Tokens)
        {
            logLikelihood += (uint)token < (uint)_vocabularySize ? Math.Log(Probability(context, token, out _)) : double.NegativeInfinity;
            if (context.Length > 0)
            {
                Array.Copy(context, 1, context, 0, context.Length - 1);
                context[^1] = token;
            }
        }

        return new DocumentScore(logLikelihood, document.Tokens.Length);
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>();
        for (var n = 1; n <= _order; n++)
        {
            statistics.Add(new ModelStatistic("ngram_types", n.ToString(CultureInfo.InvariantCulture), _tables[n - 1].Values.Sum(c => (long)c.Distinct)));
        }

        statistics.Add(new ModelStatistic("training_tokens", "", _trainingTokens));
        statistics.Add(new ModelStatistic("model_vocabulary_size", "", _tables[0].TryGetValue(0, out var unigrams) ? unigrams.Distinct : 0));
        return statistics;
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth) => [];

    private double[] BuildUnigram()
    {
        var uniform = 1.0 / _vocabularySize;
        var result = new double[_vocabularySize];
        if (!_tables[0].TryGetValue(0, out var unigrams) || unigrams.Total == 0)
        {
            Array.Fill(result, uniform);
            return result;
        }

        var lambda = _discount * unigrams.Distinct / unigrams.Total;
        Array.Fill(result, lambda * uniform);
        for (var i = 0; i < unigrams.Followers.Length; i++)
        {
            result[unigrams.Followers[i]] += (unigrams.Counts[i] - _discount) / unigrams.Total;
        }

        return result;
    }

    private void FillContext(ReadOnlySpan<int> history, Span<int> context)
    {
        context.Fill(_vocabularySize);
        var take = Math.Min(history.Length, context.Length);
        history[^take..].CopyTo(context[(context.Length - take)..]);
    }

    /// <summary>P(w | context) and Λ, the product of the back-off weights above the unigram level.</summary>
    private double Probability(ReadOnlySpan<int> context, int token, out double lambda)
    {
        var p = _unigram[token];
        lambda = 1;
        for (var n = 2; n <= _order; n++)
        {
            if (!_tables[n - 1].TryGetValue(NGramCounter.Pack(context[(context.Length - (n - 1))..]), out var entry))
            {
                continue;
            }

            var backOff = _discount * entry.Distinct / entry.Total;
            p = Math.Max(entry.CountOf(token) - _discount, 0) / entry.Total + backOff * p;
            lambda *= backOff;
        }

        return p;
    }

    /// <summary>Exact sampling at T = 1 by descending the interpolation: at each order, with probability 1 - λ draw
    /// from the discounted counts, otherwise back off.</summary>
    private int SampleExact(int[] context, Random random)
    {
        for (var n = _order; n >= 2; n--)
        {
            if (!_tables[n - 1].TryGetValue(NGramCounter.Pack(context.AsSpan(context.Length - (n - 1))), out var entry))
            {
                continue;
            }

            var u = random.NextDouble() * entry.Total;
            var discounted = entry.Total - _discount * entry.Distinct;
            if (u >= discounted)
            {
                continue;
            }

            double cumulative = 0;
            for (var i = 0; i < entry.Followers.Length; i++)
            {
                cumulative += entry.Counts[i] - _discount;
                if (u < cumulative)
                {
                    return entry.Followers[i];
                }
            }

            return entry.Followers[^1];
        }

        return SampleUnigram(random);
    }

    private int SampleUnigram(Random random)
    {
        if (_tables[0].TryGetValue(0, out var unigrams) && unigrams.Total > 0)
        {
            var u = random.NextDouble() * unigrams.Total;
            if (u < unigrams.Total - _discount * unigrams.Distinct)
            {
                double cumulative = 0;
                for (var i = 0; i < unigrams.Followers.Length; i++)
                {
                    cumulative += unigrams.Counts[i] - _discount;
                    if (u < cumulative)
                    {
                        return unigrams.Followers[i];
                    }
                }

                return unigrams.Followers[^1];
            }
        }

        return random.Next(_vocabularySize);
    }

    private int SampleTempered(int[] context, TemperedUnigram tempered, SamplingScratch scratch, Random random)
    {
        // Unroll the interpolation top-down: P(w) = Σ_n (Π_{m>n} λ_m) a_n(w) + Λ P_1(w), visiting each follower once.
        scratch.Reset();
        double lambda = 1;
        for (var n = _order; n >= 2; n--)
        {
            if (!_tables[n - 1].TryGetValue(NGramCounter.Pack(context.AsSpan(context.Length - (n - 1))), out var entry))
            {
                continue;
            }

            var scale = lambda / entry.Total;
            for (var i = 0; i < entry.Followers.Length; i++)
            {
                scratch.Add(entry.Followers[i], scale * (entry.Counts[i] - _discount));
            }

            lambda *= _discount * entry.Distinct / entry.Total;
        }

        var inverse = 1 / tempered.Temperature;
        double seenWeight = 0;
        double seenUnigram = 0;
        foreach (var token in scratch.Tokens)
        {
            var weight = Math.Pow(scratch.MassOf(token) + lambda * _unigram[token], inverse);
            scratch.Weights.Add(weight);
            seenWeight += weight;
            seenUnigram += tempered.Weights[token];
        }

        var restWeight = Math.Pow(lambda, inverse) * Math.Max(tempered.Total - seenUnigram, 0);
        var u = random.NextDouble() * (seenWeight + restWeight);
        if (u < seenWeight)
        {
            double cumulative = 0;
            for (var i = 0; i < scratch.Tokens.Count; i++)
            {
                cumulative += scratch.Weights[i];
                if (u < cumulative)
                {
                    return scratch.Tokens[i];
                }
            }

            return scratch.Tokens[^1];
        }

        for (var attempt = 0; attempt < MaxRejections; attempt++)
        {
            var token = tempered.Draw(random);
            if (!scratch.Contains(token))
            {
                return token;
            }
        }

        return tempered.DrawExcluding(scratch, random);
    }
}
