namespace Ecosystem.Abstractions.Simulation;

/// <summary>How many of one tick's documents a shard draws for a crawler, uniformly without replacement, and the seed of
/// that draw (made by the crawler from its own stream, so the draw is the same on whichever silo the shard lives).</summary>
/// <param name="Tick">The tick whose documents are drawn.</param>
/// <param name="Count">How many to draw.</param>
/// <param name="Seed">Seed of the draw.</param>
[GenerateSerializer, Immutable]
public sealed record CrawlDraw(
    [property: Id(0)] int Tick,
    [property: Id(1)] int Count,
    [property: Id(2)] int Seed);
