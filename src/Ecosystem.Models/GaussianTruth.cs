using Ecosystem.Abstractions.Corpus;
using MathNet.Numerics.Distributions;

namespace Ecosystem.Models;

/// <summary>A true normal distribution N(mean, sd^2).</summary>
public sealed record GaussianTruth(double Mean, double StandardDeviation) : TrueDistribution
{
    /// <inheritdoc />
    public override DocumentContent Sample(int length, Random random)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = Normal.Sample(random, Mean, StandardDeviation);
        }

        return DocumentContent.FromValues(values);
    }
}
