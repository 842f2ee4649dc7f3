namespace Ecosystem.Abstractions.Simulation;

/// <summary>How many documents a shard holds of one tick that a crawler may fetch.</summary>
/// <param name="Tick">The tick they were published at.</param>
/// <param name="Count">How many a crawler with the census's vendor filter may fetch.</param>
[GenerateSerializer, Immutable]
public sealed record CrawlCensus(
    [property: Id(0)] int Tick,
    [property: Id(1)] int Count);
