namespace Ecosystem.Metrics.Tests;

public class PartitionedKeyCountTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5_000)]
    [InlineData(300_000)]
    public void CountsDistinctKeysExactly(int count)
    {
        // Zero, keys differing only in their high bits and random keys, repeated, across one partition or many.
        var rng = new Random(11);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = rng.Next(4) switch
            {
                0 => 0UL,
                1 => (ulong)rng.Next(1000) << 48,
                2 => keys[rng.Next(i + 1)],
                _ => (ulong)rng.NextInt64(),
            };
        }

        Assert.Equal(new HashSet<ulong>(keys).Count, PartitionedKeyCount.Count(count, new Keys(keys)));
    }

    [Fact]
    public void ZeroAndTheLargestKeyCountOnceEach()
    {
        Assert.Equal(2, PartitionedKeyCount.Count(5, new Keys([0, ulong.MaxValue, 0, ulong.MaxValue, 0])));
    }

    [Fact]
    public void ScrambleIsABijectionThatKeepsZero()
    {
        Assert.Equal(0UL, PartitionedKeyCount.Scramble(0));
        var rng = new Random(3);
        var keys = Enumerable.Range(0, 100_000).Select(_ => (ulong)rng.NextInt64()).Distinct().ToList();
        Assert.Equal(keys.Count, keys.Select(PartitionedKeyCount.Scramble).Distinct().Count());
    }

    [Fact]
    public void RefusesASourceThatWritesOtherThanItAnnounced()
    {
        Assert.Throws<InvalidOperationException>(() => PartitionedKeyCount.Count(3, new Keys([1, 2])));
    }

    private readonly struct Keys(ulong[] keys) : PartitionedKeyCount.IKeySource
    {
        public void WriteTo<TSink>(ref TSink sink)
            where TSink : struct, PartitionedKeyCount.IKeySink
        {
            foreach (var key in keys)
            {
                sink.Add(key);
            }
        }
    }
}
