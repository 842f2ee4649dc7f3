using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A fitted one-dimensional Gaussian mixture, components sorted by mean.</summary>
public sealed class GaussianMixtureModel(MixtureComponents mixture, double logLikelihood) : IGenerativeModel
{
    /// <summary>The fitted components.</summary>
    public MixtureComponents Mixture => mixture;

    /// <inheritdoc />
    /// <remarks>Temperature T scales every component's variance by T (exact for one component, where p^(1/T) is the
    /// normal with variance T σ²; for a mixture it is the usual spread-scaling convention).</remarks>
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Temperature);
        options.RejectWatermark(ModelFamilyNames.Gmm);
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
        new(document.Values.Sum(mixture.LogDensity), document.Values.Length);

    /// <inheritdoc />
    /// <remarks>Unlabelled "mean" and "variance" are the whole mixture's; labelled by component index they are the
    /// component's.</remarks>
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>
        {
            new(MetricNames.Mean, "", mixture.Mean),
            new(MetricNames.Variance, "", mixture.Variance),
            new(MetricNames.LogLikelihood, "", logLikelihood),
        };
        for (var k = 0; k < mixture.Weights.Length; k++)
        {
            var label = k.ToString(CultureInfo.InvariantCulture);
            statistics.Add(new(MetricNames.Weight, label, mixture.Weights[k]));
            statistics.Add(new(MetricNames.Mean, label, mixture.Means[k]));
            statistics.Add(new(MetricNames.Variance, label, mixture.Variances[k]));
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
