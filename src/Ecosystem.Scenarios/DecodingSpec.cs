namespace Ecosystem.Scenarios;

/// <summary>How a deployed model samples.</summary>
public sealed record DecodingSpec
{
    /// <summary>Sampling temperature; below 1 trades diversity for typicality (sampling bias).</summary>
    public double Temperature { get; init; } = 1;
}
