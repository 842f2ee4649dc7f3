using Ecosystem.Abstractions.Corpus;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A true one-dimensional Gaussian mixture.</summary>
public sealed record GaussianMixtureTruth(double[] Weights, double[] Means, double[] StandardDeviations) : TrueDistribution
{
    /// <inheritdoc />
    public override DocumentContent Sample(int length, Random random)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            var k = CategoricalSampler.Draw(Weights, random);
            values[i] = Normal.Sample(random, Means[k], StandardDeviations[k]);
        }

        return DocumentContent.FromValues(values);
    }

    /// <summary>The mixture as (weight, mean, variance) components.</summary>
    internal MixtureComponents Components => new(Weights, Means, StandardDeviations.Select(s => s * s).ToArray());
}
