using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>Everything a completed tick produced: its metric rows, sampled documents and progress figures.</summary>
[GenerateSerializer, Immutable]
public sealed record TickReport(
    [property: Id(0)] int Tick,
    [property: Id(1)] IReadOnlyList<MetricRow> Metrics,
    [property: Id(2)] IReadOnlyList<SampledDocument> Samples,
    [property: Id(3)] long DocumentsPublished,
    [property: Id(4)] int GenerationsTrained);
