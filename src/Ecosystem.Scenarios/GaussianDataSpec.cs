namespace Ecosystem.Scenarios;

/// <summary>A normal distribution N(mean, stddev^2).</summary>
public sealed record GaussianDataSpec
{
    /// <summary>Mean.</summary>
    public double Mean { get; init; }

    /// <summary>Standard deviation.</summary>
    public double Stddev { get; init; } = 1;
}
