using Ecosystem.Models;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Maps a scenario's data section to the true distribution human authors sample from.</summary>
internal static class TrueDistributions
{
    public static TrueDistribution? From(DataSpec data) => data.Kind switch
    {
        DataKind.Gaussian => new GaussianTruth(data.Gaussian.Mean, data.Gaussian.Stddev),
        DataKind.Categorical => new CategoricalTruth([.. data.Categorical.Probabilities]),
        DataKind.Mixture => new GaussianMixtureTruth([.. data.Mixture.Weights], [.. data.Mixture.Means], [.. data.Mixture.Stddevs]),
        _ => null,
    };
}
