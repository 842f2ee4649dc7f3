namespace Ecosystem.Scenarios;

/// <summary>A categorical distribution over categories 0..n-1.</summary>
public sealed record CategoricalDataSpec
{
    /// <summary>Probability of each category; must sum to 1.</summary>
    public IReadOnlyList<double> Probabilities { get; init; } = [0.5, 0.3, 0.15, 0.05];
}
