namespace Ecosystem.Metrics.Tests;

public class PackedKeySetTests
{
    [Fact]
    public void CountsDistinctKeysAcrossGrowth()
    {
        // Starts at the minimum table size, so it must grow many times.
        var set = new PackedKeySet(1);
        var reference = new HashSet<ulong>();
        var rng = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var key = rng.Next(3) switch
            {
                0 => 0UL,
                1 => (ulong)rng.Next(1000) << 48,
                _ => (ulong)rng.NextInt64(),
            };
            set.Add(key);
            reference.Add(key);
        }

        Assert.Equal(reference.Count, set.Count);
    }

    [Fact]
    public void ZeroKeyCountsOnce()
    {
        var set = new PackedKeySet(4);
        set.Add(0);
        set.Add(0);
        set.Add(ulong.MaxValue);
        Assert.Equal(2, set.Count);
    }
}
