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
    public static double[] ComputeAll(IReadOnlyList<int[]> documents) => ComputeAll(documents, exactLimit: null);

    /// <summary>distinct-1 .. distinct-<see cref="MaxN"/>, each order of more than <paramref name="exactLimit"/>
    /// n-grams (from 2 up) estimated with a HyperLogLog sketch (<see cref="SketchRelativeStandardError"/>) instead of
    /// counted exactly; null counts every order exactly. Unigrams are always exact (a bitmap).</summary>
    /// <remarks>An exact count of a tick of 10,000 documents of 128 tokens inserts 1.28M keys per order into tables far
    /// larger than the caches (three quarters of such a tick); the sketch's registers stay in the second-level cache.</remarks>
    public static double[] ComputeAll(IReadOnlyList<int[]> documents, long? exactLimit)
    {
        var result = new double[MaxN];
        Parallel.For(1, MaxN + 1, n => result[n - 1] = Count(documents, n, exactLimit).Ratio);
        return result;
    }

    /// <summary>Precision of the sketch that estimates large orders: 2^16 registers (64 KiB).</summary>
    public const int SketchPrecision = 16;

    /// <summary>Relative standard error of an estimated distinct count, 1.04 / sqrt(2^16) ≈ 0.41%.</summary>
    public static double SketchRelativeStandardError => 1.04 / Math.Sqrt(1 << SketchPrecision);

    /// <summary>Distinct and total n-gram counts of the documents.</summary>
    public static NGramCounts Count(IReadOnlyList<int[]> documents, int n) => Count(documents, n, exactLimit: null);

    /// <summary>Distinct (estimated above <paramref name="exactLimit"/> n-grams, for n from 2) and total n-gram counts.</summary>
    public static NGramCounts Count(IReadOnlyList<int[]> documents, int n, long? exactLimit)
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
        if (n >= 2 && exactLimit is { } limit && total > limit)
        {
            return new NGramCounts(Estimate(documents, n, bits, total), total);
        }

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

    private static long Estimate(IReadOnlyList<int[]> documents, int n, int bits, long total)
    {
        var sketch = new DistinctCountSketch(SketchPrecision);
        var width = bits * n;
        if (width <= 64)
        {
            // Packed keys are exact and the finaliser is a bijection: distinct n-grams give distinct hashes.
            var sink = new SketchSink(sketch);
            new PackedGrams(documents, n, bits, width == 64 ? ulong.MaxValue : (1UL << width) - 1).WriteTo(ref sink);
        }
        else
        {
            foreach (var tokens in documents)
            {
                NGramHash.AddTo(sketch, tokens, n);
            }
        }

        // An estimate above the number of n-grams is impossible; clamp it there.
        return Math.Min(total, (long)Math.Round(sketch.Estimate()));
    }

    private readonly struct SketchSink(DistinctCountSketch sketch) : PartitionedKeyCount.IKeySink
    {
        // Every key bit moves every hash bit, as the sketch needs.
        public void Add(ulong key) => sketch.Add(NGramHash.Mix(key));
    }

    // Keys this narrow (unigrams of 16-bit ids) are counted in a bitmap of every possible key, 8 KiB at most.
    private const int DenseWidth = 16;

    private static long CountDense(IReadOnlyList<int[]> documents, int n, int bits, int width)
    {
        var sink = new BitmapSink(new ulong[((1 << width) + 63) / 64]);
        new PackedGrams(documents, n, bits, (1UL << width) - 1).WriteTo(ref sink);
        long distinct = 0;
        foreach (var word in sink.Seen)
        {
            distinct += BitOperations.PopCount(word);
        }

        return distinct;
    }

    /// <summary>Marks each key in a bitmap of every possible key.</summary>
    private readonly struct BitmapSink(ulong[] seen) : PartitionedKeyCount.IKeySink
    {
        public ulong[] Seen { get; } = seen;

        public void Add(ulong key) => Seen[key >> 6] |= 1UL << (int)(key & 63);
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
