using System.Numerics;

namespace Ecosystem.Metrics;

/// <summary>distinct-n: distinct n-grams / total n-grams over a document set (Li et al. 2016,
/// "A Diversity-Promoting Objective Function for Neural Conversation Models", NAACL).</summary>
/// <remarks>n-grams never cross document boundaries. Token ids must be non-negative. Each n-gram is packed
/// exactly (no hashing collisions) into one integer key: 64 bits when n times the bit width of the largest id
/// fits (GPT-2 ids need 16 bits, so every n up to 4), 128 bits otherwise. 64-bit keys are counted by
/// <see cref="PartitionedKeyCount"/>, or in a bitmap when they are 16 bits wide at most.</remarks>
public static class DistinctN
{
    /// <summary>Largest supported n.</summary>
    public const int MaxN = 4;

    /// <summary>distinct-n of the documents; 0 when they contain no n-gram.</summary>
    public static double Compute(IReadOnlyList<int[]> documents, int n) => Count(documents, n).Ratio;

    /// <summary>distinct-1 .. distinct-<see cref="MaxN"/>; element i holds distinct-(i+1).</summary>
    /// <remarks>The orders are independent passes over the same tokens, so they are counted side by side.</remarks>
    public static double[] ComputeAll(IReadOnlyList<int[]> documents)
    {
        var result = new double[MaxN];
        Parallel.For(1, MaxN + 1, n => result[n - 1] = Compute(documents, n));
        return result;
    }

    /// <summary>Distinct and total n-gram counts of the documents.</summary>
    public static NGramCounts Count(IReadOnlyList<int[]> documents, int n)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxN);

        long total = 0;
        var maxId = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents));
            if (tokens.Length >= n)
            {
                total += tokens.Length - n + 1;
            }

            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                if (t < 0)
                {
                    throw new ArgumentException($"Document {d} holds negative token id {t}.", nameof(documents));
                }

                if (t > maxId)
                {
                    maxId = t;
                }
            }
        }

        if (total == 0)
        {
            return new NGramCounts(0, 0);
        }

        var bits = Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)maxId));
        var distinct = bits * n <= 64
            ? CountDistinct64(documents, n, bits, total)
            : CountDistinct128(documents, n, bits, total);
        return new NGramCounts(distinct, total);
    }

    private static long CountDistinct64(IReadOnlyList<int[]> documents, int n, int bits, long total)
    {
        var width = bits * n;
        if (width <= DenseWidth)
        {
            return CountDense(documents, n, bits, width);
        }

        return PartitionedKeyCount.Count(total, new PackedGrams(documents, n, bits, width == 64 ? ulong.MaxValue : (1UL << width) - 1));
    }

    // Keys this narrow (unigrams of 16-bit ids) are counted in a bitmap of every possible key, 8 KiB at most.
    private const int DenseWidth = 16;

    private static long CountDense(IReadOnlyList<int[]> documents, int n, int bits, int width)
    {
        var seen = new ulong[((1 << width) + 63) / 64];
        var mask = (1UL << width) - 1;
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d];
            if (tokens.Length < n)
            {
                continue;
            }

            ulong key = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                key = ((key << bits) | (uint)tokens[i]) & mask;
                if (i >= n - 1)
                {
                    seen[key >> 6] |= 1UL << (int)(key & 63);
                }
            }
        }

        long distinct = 0;
        foreach (var word in seen)
        {
            distinct += BitOperations.PopCount(word);
        }

        return distinct;
    }

    /// <summary>Every n-gram of the documents packed into one 64-bit key, oldest token in the highest bits.</summary>
    private readonly struct PackedGrams(IReadOnlyList<int[]> documents, int n, int bits, ulong mask) : PartitionedKeyCount.IKeySource
    {
        public void WriteTo<TSink>(ref TSink sink)
            where TSink : struct, PartitionedKeyCount.IKeySink
        {
            for (var d = 0; d < documents.Count; d++)
            {
                var tokens = documents[d];
                if (tokens.Length < n)
                {
                    continue;
                }

                ulong key = 0;
                for (var i = 0; i < n - 1; i++)
                {
                    key = (key << bits) | (uint)tokens[i];
                }

                for (var i = n - 1; i < tokens.Length; i++)
                {
                    key = ((key << bits) | (uint)tokens[i]) & mask;
                    sink.Add(key);
                }
            }
        }
    }

    private static long CountDistinct128(IReadOnlyList<int[]> documents, int n, int bits, long total)
    {
        var width = bits * n;
        var mask = width == 128 ? UInt128.MaxValue : (UInt128.One << width) - 1;
        var seen = new HashSet<UInt128>((int)Math.Min(total, 1 << 20));
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d];
            if (tokens.Length < n)
            {
                continue;
            }

            UInt128 key = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                key = ((key << bits) | (uint)tokens[i]) & mask;
                if (i >= n - 1)
                {
                    seen.Add(key);
                }
            }
        }

        return seen.Count;
    }
}
