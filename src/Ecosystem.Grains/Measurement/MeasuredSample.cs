using Ecosystem.Abstractions;

namespace Ecosystem.Grains.Measurement;

/// <summary>The documents of a tick that enter its diversity rows: all of them, or a uniform sample of at most
/// <see cref="Scenarios.MetricsSpec.DiversityDocuments"/> drawn from (seed, key, tick), in their original order.</summary>
/// <remarks>The cost of distinct-n grows with the tokens measured; at web scale a tick publishes tens of millions of
/// tokens, and a fixed-size sample keeps the tick's cost flat.</remarks>
public static class MeasuredSample
{
    /// <summary>All of <paramref name="items"/> when <paramref name="limit"/> is null or not smaller, else a uniform
    /// sample of <paramref name="limit"/> of them without replacement, in their original order.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, int? limit, long seed, string key, int tick) =>
        limit is { } size ? UniformDraw.InOrder(items, size, RandomStreams.For(seed, key, tick, "measured-sample")) : items;
}
