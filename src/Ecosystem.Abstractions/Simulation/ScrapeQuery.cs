using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>Which documents a crawler asks a shard for: those published after a point in time, up to a tick,
/// optionally only human text plus one vendor's own output.</summary>
/// <param name="AfterTick">Exclusive lower bound together with <paramref name="AfterPhase"/>; -1 for everything.</param>
/// <param name="AfterPhase">Phase within <paramref name="AfterTick"/>.</param>
/// <param name="UpToTick">Inclusive upper bound.</param>
/// <param name="OnlyVendor">When set, keep human text and this vendor's output only.</param>
[GenerateSerializer, Immutable]
public sealed record ScrapeQuery(
    [property: Id(0)] int AfterTick,
    [property: Id(1)] TickPhase AfterPhase,
    [property: Id(2)] int UpToTick,
    [property: Id(3)] string? OnlyVendor);
