namespace Ecosystem.Abstractions.Metrics;

/// <summary>One measured value in long format: when, in which world, of whom, what, for which label.</summary>
/// <param name="Tick">Simulated tick.</param>
/// <param name="Replicate">Index of the independent world (0 when the scenario has one).</param>
/// <param name="Vendor">Vendor name; empty for corpus-wide values.</param>
/// <param name="Generation">Model generation; empty for corpus-wide values.</param>
/// <param name="Metric">Metric name (see MetricNames).</param>
/// <param name="Label">Sub-key such as a genre, a histogram bin or a category; empty when none.</param>
/// <param name="Value">The value.</param>
[GenerateSerializer, Immutable]
public sealed record MetricRow(
    [property: Id(0)] int Tick,
    [property: Id(1)] int Replicate,
    [property: Id(2)] string Vendor,
    [property: Id(3)] string Generation,
    [property: Id(4)] string Metric,
    [property: Id(5)] string Label,
    [property: Id(6)] double Value);
