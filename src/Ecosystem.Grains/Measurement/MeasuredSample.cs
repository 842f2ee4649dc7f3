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
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, int? limit, long seed, string key, int tick)
    {
        if (limit is not { } size || items.Count <= size)
        {
            return items;
        }

        var random = RandomStreams.For(seed, key, tick, "measured-sample");
        var positions = new int[items.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, positions.Length);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }

        Array.Sort(positions, 0, size);
        var sample = new T[size];
        for (var i = 0; i < size; i++)
        {
            sample[i] = items[positions[i]];
        }

        return sample;
    }
}
