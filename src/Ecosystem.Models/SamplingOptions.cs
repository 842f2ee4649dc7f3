namespace Ecosystem.Models;

/// <summary>How to sample: the length of each document (tokens or values) and the sampling temperature.</summary>
/// <param name="Length">Units per sampled document.</param>
/// <param name="Temperature">1 samples the fitted distribution; below 1 sharpens it (the sampling-bias lever of
/// Alemohammad et al.); above 1 flattens it. Families without a notion of temperature scale their spread.</param>
public sealed record SamplingOptions(int Length, double Temperature = 1.0);
