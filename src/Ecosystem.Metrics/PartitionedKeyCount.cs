using System.Numerics;

namespace Ecosystem.Metrics;

/// <summary>Counts the distinct 64-bit keys of a sequence exactly: each key is scrambled by a bijection, the scrambled
/// keys are scattered into partitions by their top bits, and each partition is deduplicated in an open-addressing
/// table small enough to stay in cache.</summary>
/// <remarks>One table for a whole tick's n-grams (a million and more) is tens of megabytes, and nearly every insert is a
/// cache miss; scattering first writes sequentially, and each partition's few thousand keys then probe a table of a
/// few hundred kilobytes. The scramble is the MurmurHash3 64-bit finaliser (Appleby 2011), a bijection on 64-bit
/// integers, so distinct keys stay distinct and the count is exact. HashSet&lt;ulong&gt; would hash a key as its two
/// 32-bit halves XORed, which collides heavily for packed n-grams.</remarks>
internal static class PartitionedKeyCount
{
    // Keys per partition aimed at: a table of twice as many 8-byte slots (64 KiB) fits a core's L2 cache.
    private const int KeysPerPartition = 4096;

    private const int MaxPartitionBits = 12;

    /// <summary>Distinct keys among those <paramref name="fill"/> writes, given that it writes exactly
    /// <paramref name="count"/> of them each time it is called; it is called twice, and must write the same keys both times.</summary>
    /// <param name="count">The number of keys <paramref name="fill"/> writes.</param>
    /// <param name="fill">Writes every key to the sink it is given, in any order.</param>
    public static long Count<TFill>(long count, TFill fill)
        where TFill : IKeySource
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Array.MaxLength);
        if (count == 0)
        {
            return 0;
        }

        var partitionBits = Math.Min(MaxPartitionBits, BitOperations.Log2((ulong)Math.Max(1, count / KeysPerPartition)));
        var partitions = 1 << partitionBits;
        var starts = new int[partitions + 1];
        // Allocated for each count rather than rented: the shared pool would keep a tick's megabytes of keys alive for
        // good, one array per thread that ever counted, and the garbage collector reclaims these between ticks.
        var scattered = GC.AllocateUninitializedArray<ulong>((int)count);

        // First pass: how many keys fall in each partition, so the second can write each one where it belongs.
        var histogram = new Histogram(starts, partitionBits);
        fill.WriteTo(ref histogram);
        var offset = 0;
        for (var p = 0; p < partitions; p++)
        {
            var size = starts[p];
            starts[p] = offset;
            offset += size;
        }

        starts[partitions] = offset;
        if (offset != count)
        {
            throw new InvalidOperationException($"The key source wrote {offset} keys; {count} were announced.");
        }

        var cursors = starts[..partitions];
        var scatter = new Scatter(scattered, cursors, partitionBits);
        fill.WriteTo(ref scatter);
        for (var p = 0; p < partitions; p++)
        {
            if (cursors[p] != starts[p + 1])
            {
                throw new InvalidOperationException("The key source wrote different keys the second time.");
            }
        }

        return CountPartitions(scattered, starts);
    }

    /// <summary>The bijective scramble applied to every key (MurmurHash3's 64-bit finaliser); it maps 0 to 0.</summary>
    public static ulong Scramble(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    private static long CountPartitions(ulong[] scattered, int[] starts)
    {
        var largest = 0;
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            largest = Math.Max(largest, starts[p + 1] - starts[p]);
        }

        var table = new ulong[TableSize(largest)];
        long distinct = 0;
        var sawZero = false;
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            var keys = scattered.AsSpan(starts[p], starts[p + 1] - starts[p]);
            if (keys.IsEmpty)
            {
                continue;
            }

            var slots = table.AsSpan(0, TableSize(keys.Length));
            slots.Clear();
            var mask = slots.Length - 1;
            foreach (var key in keys)
            {
                // 0 marks an empty slot; the one key that scrambles to it is tracked apart.
                if (key == 0)
                {
                    sawZero = true;
                    continue;
                }

                // A partition's keys share their top bits, so the low ones place them in its table.
                var i = (int)key & mask;
                while (true)
                {
                    var slot = slots[i];
                    if (slot == key)
                    {
                        break;
                    }

                    if (slot == 0)
                    {
                        slots[i] = key;
                        distinct++;
                        break;
                    }

                    i = (i + 1) & mask;
                }
            }
        }

        return distinct + (sawZero ? 1 : 0);
    }

    // At most half full.
    private static int TableSize(int keys) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * keys));

    /// <summary>Where a key source writes its keys.</summary>
    public interface IKeySink
    {
        /// <summary>Takes one key.</summary>
        void Add(ulong key);
    }

    /// <summary>A sequence of keys that can be written more than once, the same each time.</summary>
    public interface IKeySource
    {
        /// <summary>Writes every key to <paramref name="sink"/>.</summary>
        void WriteTo<TSink>(ref TSink sink)
            where TSink : struct, IKeySink;
    }

    private struct Histogram(int[] counts, int partitionBits) : IKeySink
    {
        public readonly void Add(ulong key) => counts[PartitionOf(Scramble(key), partitionBits)]++;
    }

    private struct Scatter(ulong[] scattered, int[] cursors, int partitionBits) : IKeySink
    {
        public readonly void Add(ulong key)
        {
            var scrambled = Scramble(key);
            scattered[cursors[PartitionOf(scrambled, partitionBits)]++] = scrambled;
        }
    }

    private static int PartitionOf(ulong scrambled, int partitionBits) => partitionBits == 0 ? 0 : (int)(scrambled >> (64 - partitionBits));
}
