using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Models;

/// <summary>A fitted categorical distribution.</summary>
public sealed class CategoricalModel(double[] probabilities) : IGenerativeModel
{
    /// <summary>Fitted probability of each category.</summary>
    public IReadOnlyList<double> Probabilities => probabilities;

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Temperature);
        options.RejectWatermark(ModelFamilyNames.Categorical);
        // Tempering p^(1/T) and renormalising; at T = 1 this is p itself.
        var weights = options.Temperature == 1 ? probabilities : probabilities.Select(p => p > 0 ? Math.Pow(p, 1 / options.Temperature) : 0).ToArray();
        var documents = new DocumentContent[count];
        for (var d = 0; d < count; d++)
        {
            var tokens = new int[options.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = CategoricalSampler.Draw(weights, random);
            }

            documents[d] = DocumentContent.FromTokens(tokens);
        }

        return documents;
    }

    /// <inheritdoc />
    public DocumentScore Score(DocumentContent document)
    {
        double logLikelihood = 0;
        foreach (var token in document.Tokens)
        {
            logLikelihood += (uint)token < (uint)probabilities.Length ? Math.Log(probabilities[token]) : double.NegativeInfinity;
        }

        return new DocumentScore(logLikelihood, document.Tokens.Length);
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>();
        for (var i = 0; i < probabilities.Length; i++)
        {
            statistics.Add(new ModelStatistic(MetricNames.Probability, i.ToString(CultureInfo.InvariantCulture), probabilities[i]));
        }

        statistics.Add(new ModelStatistic(MetricNames.SupportSize, "", probabilities.Count(p => p > 0)));
        statistics.Add(new ModelStatistic(MetricNames.AbsorbedState, "", AbsorbedState));
        statistics.Add(new ModelStatistic(MetricNames.EntropyBits, "", -probabilities.Where(p => p > 0).Sum(p => p * Math.Log2(p))));
        return statistics;
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth)
    {
        if (truth is not CategoricalTruth categorical || categorical.Probabilities.Length != probabilities.Length)
        {
            return [];
        }

        var q = categorical.Probabilities;
        double klTo = 0, klFrom = 0, variation = 0;
        for (var i = 0; i < q.Length; i++)
        {
            var p = probabilities[i];
            if (p > 0)
            {
                klTo += p * Math.Log(p / q[i]);
            }

            if (q[i] > 0)
            {
                klFrom += p > 0 ? q[i] * Math.Log(q[i] / p) : double.PositiveInfinity;
            }

            variation += Math.Abs(p - q[i]);
        }

        return
        [
            new ModelStatistic(MetricNames.KlToOriginal, "", klTo),
            new ModelStatistic(MetricNames.KlFromOriginal, "", klFrom),
            new ModelStatistic(MetricNames.TotalVariation, "", variation / 2),
        ];
    }

    /// <summary>The category the chain has been absorbed in (a delta), or -1 while more than one has mass.</summary>
    public int AbsorbedState
    {
        get
        {
            var support = probabilities.Select((p, i) => (p, i)).Where(x => x.p > 0).ToList();
            return support.Count == 1 ? support[0].i : -1;
        }
    }
}
