using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Watermarking;

namespace Ecosystem.Models;

/// <summary>A fitted interpolated Kneser-Ney model (Kneser and Ney 1995; Chen and Goodman 1999):
/// P_n(w|h) = max(c(h w) - D, 0)/c(h) + (D N1+(h •)/c(h)) P_{n-1}(w|h'), with raw counts at the top order,
/// continuation counts below, P_n = P_{n-1} for an unseen context, and
/// P_1(w) = max(c(w) - D, 0)/N + (D N1+(•)/N)/V at the bottom, so every one of the V token ids has mass.</summary>
/// <remarks>At T = 1 sampling descends the interpolation (pick the discounted counts or back off). Tempered sampling,
/// p^(1/T)/Z, is exact and uses <see cref="TemperedSampler"/>, which never loops over the whole vocabulary in the common case.
/// Watermarked sampling, p^(1/T) e^(δ green)/Z, is exact too and uses <see cref="WatermarkedSampler"/> on top of it.
/// A weighted fit (<see cref="NGramCounter.BuildWeighted(IReadOnlyList{int[]}, IReadOnlyList{double}, int, int, double)"/>)
/// has fractional counts, some possibly below D, where D N1+(h •) would remove more than the clamped discount
/// max(c - D, 0) did; it interpolates with λ(h) = Σ_w min(c(h w), D)/c(h) instead, exactly the removed mass, so every
/// distribution still sums to 1, and it equals D N1+(h •)/c(h) whenever every count is at least D. Probability,
/// scoring and every sampler take λ(h) and the discounted counts from the same <see cref="NGramTable"/> members, so
/// they agree; unweighted models keep their integer code paths as they were.</remarks>
public sealed class NGramModel : IGenerativeModel
{
    private readonly NGramTable[] _tables;
    private readonly int _order;
    private readonly double _discount;
    private readonly int _vocabularySize;
    private readonly long _trainingTokens;
    private readonly bool _weighted;
    private readonly double[] _unigram;
    private readonly ReclaimableCache<double, TemperedSampler> _tempered = new();
    private readonly ReclaimableCache<(double Temperature, GreenListWatermark Watermark), WatermarkedSampler> _watermarked = new();

    internal NGramModel(NGramTable[] tables, int order, double discount, int vocabularySize, long trainingTokens)
    {
        _tables = tables;
        _order = order;
        _discount = discount;
        _vocabularySize = vocabularySize;
        _trainingTokens = trainingTokens;
        _weighted = tables[0].IsWeighted;
        (_unigram, UnigramBackOff) = BuildUnigram();
    }

    /// <summary>The model's order.</summary>
    public int Order => _order;

    /// <summary>Size of the vocabulary the model assigns probability to (token ids 0..V-1).</summary>
    public int VocabularySize => _vocabularySize;

    internal double Discount => _discount;

    /// <summary>λ_1 = D N1+(•)/N (Σ_w min(c(w), D)/N when weighted), the mass the unigram level leaves to the uniform
    /// distribution (1 with no data).</summary>
    internal double UnigramBackOff { get; }

    /// <summary>P(<paramref name="token"/> | <paramref name="history"/>), history oldest first (shorter histories are
    /// padded with the begin-of-sequence symbol).</summary>
    public double Probability(ReadOnlySpan<int> history, int token)
    {
        if ((uint)token >= (uint)_vocabularySize)
        {
            return 0;
        }

        Span<int> context = stackalloc int[_order - 1];
        context.Fill(_vocabularySize);
        var take = Math.Min(history.Length, context.Length);
        history[^take..].CopyTo(context[(context.Length - take)..]);
        return Probability(context, token, _order);
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Temperature);
        if (options.Watermark is { } watermark)
        {
            return SampleWatermarked(count, options, watermark, random, cancellationToken);
        }

        var documents = new DocumentContent[count];
        var context = new int[_order - 1];
        var tempered = options.Temperature == 1 ? null : _tempered.GetOrAdd(options.Temperature, t => new TemperedSampler(this, t));
        for (var d = 0; d < count; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StartContext(context, options.Prompts?[d]);
            var tokens = new int[options.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tempered is not null ? tempered.Draw(context, random) : SampleExact(context, random);
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

    /// <summary>The context a document starts from: the last tokens of its prompt (a continuation), padded with the
    /// begin symbol when the prompt is shorter than the context or absent.</summary>
    private void StartContext(int[] context, DocumentContent? prompt)
    {
        Array.Fill(context, _vocabularySize);
        if (prompt is null || context.Length == 0)
        {
            return;
        }

        var tokens = prompt.Tokens;
        var take = Math.Min(tokens.Length, context.Length);
        tokens.AsSpan(tokens.Length - take).CopyTo(context.AsSpan(context.Length - take));
    }

    /// <summary>Watermarked sampling (see <see cref="WatermarkedSampler"/>), at any temperature including 1.</summary>
    private DocumentContent[] SampleWatermarked(int count, SamplingOptions options, GreenListWatermark watermark, Random random, CancellationToken cancellationToken)
    {
        var tempered = _tempered.GetOrAdd(options.Temperature, t => new TemperedSampler(this, t));
        var sampler = _watermarked.GetOrAdd((options.Temperature, watermark), _ => new WatermarkedSampler(tempered, watermark));
        var documents = new DocumentContent[count];
        var context = new int[_order - 1];
        for (var d = 0; d < count; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prompt = options.Prompts?[d];
            StartContext(context, prompt);
            var previous = prompt is { Length: > 0 } ? prompt.Tokens[^1] : _vocabularySize;
            var tokens = new int[options.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = sampler.Draw(context, previous, random);
                tokens[i] = token;
                previous = token;
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
            logLikelihood += (uint)token < (uint)_vocabularySize ? Math.Log(Probability(context, token, _order)) : double.NegativeInfinity;
            if (context.Length > 0)
            {
                Array.Copy(context, 1, context, 0, context.Length - 1);
                context[^1] = token;
            }
        }

        return new DocumentScore(logLikelihood, document.Tokens.Length);
    }

    /// <summary>For every position of <paramref name="document"/>, <paramref name="draws"/> tokens drawn at T = 1 from
    /// the model's next-token distribution given the document's preceding tokens (the context <see cref="Score"/> uses);
    /// position i's draws at [i × draws, (i + 1) × draws).</summary>
    public int[] DrawNextTokens(DocumentContent document, int draws, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(draws);
        var context = new int[_order - 1];
        Array.Fill(context, _vocabularySize);
        var tokens = document.Tokens;
        var drawn = new int[tokens.Length * draws];
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var k = 0; k < draws; k++)
            {
                drawn[i * draws + k] = SampleExact(context, random);
            }

            if (context.Length > 0)
            {
                Array.Copy(context, 1, context, 0, context.Length - 1);
                context[^1] = tokens[i];
            }
        }

        return drawn;
    }

    /// <summary>The mean over <paramref name="document"/>'s positions of -log P(v | preceding tokens), v averaged over
    /// the tokens another model drew there (<see cref="DrawNextTokens"/>): a Monte-Carlo estimate, in nats, of the
    /// cross-entropy from that model's next-token distributions to this one's along the document.</summary>
    public double CrossEntropy(DocumentContent document, int[] drawn, int draws)
    {
        var tokens = document.Tokens;
        if (drawn.Length != tokens.Length * draws)
        {
            throw new ArgumentException($"{drawn.Length} drawn tokens for {tokens.Length} positions × {draws} draws.", nameof(drawn));
        }

        if (tokens.Length == 0)
        {
            return double.NaN;
        }

        var context = new int[_order - 1];
        Array.Fill(context, _vocabularySize);
        double total = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var k = 0; k < draws; k++)
            {
                total -= Math.Log(Probability(context, drawn[i * draws + k], _order));
            }

            if (context.Length > 0)
            {
                Array.Copy(context, 1, context, 0, context.Length - 1);
                context[^1] = tokens[i];
            }
        }

        return total / (tokens.Length * (double)draws);
    }

    /// <inheritdoc />
    /// <remarks>The distinct training tokens are reported as "model_vocabulary_size": "vocabulary_size" is already the
    /// corpus metric of the same vendor's generated text, and the two would collide in one metric row.</remarks>
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>();
        for (var n = 1; n <= _order; n++)
        {
            statistics.Add(new ModelStatistic(MetricNames.NGramTypes, n.ToString(CultureInfo.InvariantCulture), _tables[n - 1].Types));
        }

        statistics.Add(new ModelStatistic(MetricNames.TrainingTokens, "", _trainingTokens));
        statistics.Add(new ModelStatistic(MetricNames.ModelVocabularySize, "", _tables[0].Types));
        return statistics;
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth) => [];

    /// <summary>The table of order <paramref name="n"/>.</summary>
    internal NGramTable Table(int n) => _tables[n - 1];

    /// <summary>P_1(w), the unigram level interpolated with the uniform distribution.</summary>
    internal double Unigram(int token) => _unigram[token];

    /// <summary>P_m(w | context) for m = <paramref name="maxOrder"/>, using the last n-1 tokens of
    /// <paramref name="context"/> at each order n ≤ m.</summary>
    internal double Probability(ReadOnlySpan<int> context, int token, int maxOrder)
    {
        if (_weighted)
        {
            return WeightedProbability(context, token, maxOrder);
        }

        var p = _unigram[token];
        for (var n = 2; n <= maxOrder; n++)
        {
            var table = _tables[n - 1];
            if (!table.TryGet(NGramCounter.Pack(context[^(n - 1)..]), out var entry))
            {
                continue;
            }

            p = Math.Max(table.CountOf(entry, token) - _discount, 0) / entry.Total + _discount * entry.Distinct / entry.Total * p;
        }

        return p;
    }

    /// <summary><see cref="Probability(ReadOnlySpan{int}, int, int)"/> of a weighted model, whose counts may be below D.</summary>
    private double WeightedProbability(ReadOnlySpan<int> context, int token, int maxOrder)
    {
        var p = _unigram[token];
        for (var n = 2; n <= maxOrder; n++)
        {
            var table = _tables[n - 1];
            if (!table.TryGet(NGramCounter.Pack(context[^(n - 1)..]), out var entry))
            {
                continue;
            }

            p = table.WeightedDiscountedCountOf(entry, token, _discount) / entry.Total + table.BackOffMass(entry, _discount) / entry.Total * p;
        }

        return p;
    }

    private (double[] Unigram, double BackOff) BuildUnigram()
    {
        var uniform = 1.0 / _vocabularySize;
        var result = new double[_vocabularySize];
        var table = _tables[0];
        if (!table.TryGet(0, out var unigrams) || unigrams.Total == 0)
        {
            Array.Fill(result, uniform);
            return (result, 1);
        }

        var lambda = table.BackOffMass(unigrams, _discount) / unigrams.Total;
        Array.Fill(result, lambda * uniform);
        var followers = table.Followers(unigrams);
        var discounted = new double[followers.Length];
        table.DiscountedCounts(unigrams, _discount, discounted);
        for (var i = 0; i < followers.Length; i++)
        {
            result[followers[i]] += discounted[i] / unigrams.Total;
        }

        return (result, lambda);
    }

    /// <summary>Exact sampling at T = 1 by descending the interpolation: at each order, with probability
    /// 1 - λ_n draw from the discounted counts, otherwise back off. A weighted table splits c(h) at its kept mass
    /// Σ_w max(c(h w) - D, 0), since counts below D keep nothing and D N1+(h •) would overstate what the discount
    /// removed; an unweighted one at c(h) - D N1+(h •), the same thing when every count is at least 1 &gt; D.</summary>
    private int SampleExact(int[] context, Random random)
    {
        for (var n = _order; n >= 1; n--)
        {
            var table = _tables[n - 1];
            if (!table.TryGet(NGramCounter.Pack(context.AsSpan(context.Length - (n - 1))), out var entry) || entry.Total == 0)
            {
                continue;
            }

            var u = random.NextDouble() * entry.Total;
            if (u >= table.KeptMass(entry, _discount))
            {
                continue;
            }

            return table.FollowerAt(entry, u, _discount);
        }

        return random.Next(_vocabularySize);
    }
}
