namespace Ecosystem.Scenarios;

/// <summary>A one-dimensional Gaussian mixture.</summary>
public sealed record MixtureDataSpec
{
    /// <summary>Component weights; must sum to 1.</summary>
    public IReadOnlyList<double> Weights { get; init; } = [0.5, 0.5];

    /// <summary>Component means.</summary>
    public IReadOnlyList<double> Means { get; init; } = [-2, 2];

    /// <summary>Component standard deviations.</summary>
    public IReadOnlyList<double> Stddevs { get; init; } = [1, 1];
}
