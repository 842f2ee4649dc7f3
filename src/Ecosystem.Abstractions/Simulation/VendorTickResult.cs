using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>A vendor's measurements for one tick and the documents it offers as samples.</summary>
[GenerateSerializer, Immutable]
public sealed record VendorTickResult(
    [property: Id(0)] IReadOnlyList<MetricRow> Metrics,
    [property: Id(1)] IReadOnlyList<SampledDocument> Samples);
