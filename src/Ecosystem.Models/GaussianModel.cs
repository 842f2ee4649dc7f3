using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A fitted normal distribution N(mean, variance).</summary>
public sealed class GaussianModel(double mean, double variance) : IGenerativeModel
{
    /// <summary>Fitted mean.</summary>
    public double Mean => mean;

    /// <summary>Fitted variance.</summary>
    public double Variance => variance;

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Temperature);
        options.RejectWatermark(ModelFamilyNames.Gaussian);
        // Tempering a normal density, p^(1/T), gives a normal with variance T * sigma^2.
        var sd = Math.Sqrt(variance * options.Temperature);
        var documents = new DocumentContent[count];
        for (var d = 0; d < count; d++)
        {
            var values = new double[options.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = sd > 0 ? Normal.Sample(random, mean, sd) : mean;
            }

            documents[d] = DocumentContent.FromValues(values);
        }

        return documents;
    }

    /// <inheritdoc />
    public DocumentScore Score(DocumentContent document)
    {
        var sd = Math.Sqrt(variance);
        return new DocumentScore(document.Values.Sum(v => Normal.PDFLn(mean, sd, v)), document.Values.Length);
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> Describe() =>
    [
        new(MetricNames.Mean, "", mean),
        new(MetricNames.Variance, "", variance),
        new(MetricNames.StdDev, "", Math.Sqrt(variance)),
    ];

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth)
    {
        switch (truth)
        {
            case GaussianTruth gaussian:
            {
                var (m0, s0) = (gaussian.Mean, gaussian.StandardDeviation);
                var s = Math.Sqrt(variance);
                // Closed forms for two normals: W2^2 = (m - m0)^2 + (s - s0)^2; KL(N(m, s^2) || N(m0, s0^2)).
                var w2 = Math.Sqrt((mean - m0) * (mean - m0) + (s - s0) * (s - s0));
                var kl = Math.Log(s0 / s) + (variance + (mean - m0) * (mean - m0)) / (2 * s0 * s0) - 0.5;
                return
                [
                    new(MetricNames.MeanError, "", mean - m0),
                    new(MetricNames.VarianceRatio, "", variance / (s0 * s0)),
                    new(MetricNames.Wasserstein2, "", w2),
                    new(MetricNames.KlToOriginal, "", kl),
                ];
            }

            case GaussianMixtureTruth mixture:
                return MixtureDistances.Compare(new MixtureComponents([1.0], [mean], [variance]), mixture.Components);

            default:
                return [];
        }
    }
}
