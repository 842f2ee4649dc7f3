using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A fitted one-dimensional Gaussian mixture, components sorted by mean.</summary>
public sealed class GaussianMixtureModel(MixtureComponents mixture, double logLikelihood) : IGenerativeModel
{
    /// <summary>The fitted components.</summary>
    public MixtureComponents Mixture => mixture;

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        var documents = new DocumentContent[count];
        for (var d = 0; d < count; d++)
        {
            var values = new double[options.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var k = CategoricalSampler.Draw(mixture.Weights, random);
                values[i] = Normal.Sample(random, mixture.Means[k], Math.Sqrt(mixture.Variances[k] * options.Temperature));
            }

            documents[d] = DocumentContent.FromValues(values);
        }

        return documents;
    }

    /// <inheritdoc />
    public DocumentScore Score(DocumentContent document) =>
        new(document.Values.Sum(v => Math.Log(mixture.Density(v))), document.Values.Length);

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>
        {
            new("mean", "", mixture.Mean),
            new("variance", "", mixture.Variance),
            new("log_likelihood", "", logLikelihood),
        };
        for (var k = 0; k < mixture.Weights.Length; k++)
        {
            var label = k.ToString(CultureInfo.InvariantCulture);
            statistics.Add(new("component_weight", label, mixture.Weights[k]));
            statistics.Add(new("component_mean", label, mixture.Means[k]));
            statistics.Add(new("component_variance", label, mixture.Variances[k]));
        }

        return statistics;
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth) => truth switch
    {
        GaussianMixtureTruth m => MixtureDistances.Compare(mixture, m.Components),
        GaussianTruth g => MixtureDistances.Compare(mixture, new MixtureComponents([1.0], [g.Mean], [g.StandardDeviation * g.StandardDeviation])),
        _ => [],
    };
}
