using System.Buffers;
using System.Numerics;

namespace Ecosystem.Models;

/// <summary>Builds the count tables of an interpolated Kneser-Ney model: raw counts at the highest order and
/// continuation counts N1+(• h w) below it (Chen and Goodman 1999), by sorting packed n-grams rather than hashing each one.</summary>
/// <remarks>Weighted fits (<see cref="BuildWeighted(IReadOnlyList{int[]}, IReadOnlyList{double}, int, int, double)"/>)
/// count each occurrence by its document's weight at the highest order. Below it, each distinct left-extension
/// (u h w) contributes to the continuation count of (h w) the largest weight among its occurrences, instead of 1.
/// Why the largest: Kneser-Ney's continuation count asks whether a left-extension occurs, never how often, and with
/// weights an occurrence is only as trustworthy as its document; the most trusted occurrence is what attests that the
/// extension exists, so its contribution does not depend on how often it recurs (a sum or mean would), an extension
/// seen only in down-weighted documents counts as little as they do, every contribution is 1 when every weight is 1
/// (today's type counts), and scaling all weights scales these counts as it scales the highest order's.
/// Documents of weight 0 contribute nothing, so every stored count is positive. Unweighted fits keep their integer
/// tables: the weighted path is separate code, not a generalisation that would slow them.</remarks>
internal static class NGramCounter
{
    public const int BitsPerToken = 16;

    private const ulong TokenMask = (1UL << BitsPerToken) - 1;

    /// <summary>n-grams sorted at a time by default: 4M, 32 MB of 64-bit keys.</summary>
    private const int DefaultChunkGrams = 1 << 22;

    /// <summary>Packs a context (oldest token in the highest bits) into a key; four tokens fill the 64 bits.</summary>
    public static long Pack(ReadOnlySpan<int> tokens)
    {
        long key = 0;
        foreach (var token in tokens)
        {
            key = (key << BitsPerToken) | (uint)token;
        }

        return key;
    }

    /// <summary>Count tables per order: index n-1 holds the contexts of length n-1 for order n.</summary>
    public static NGramTable[] Build(IReadOnlyList<int[]> documents, int order, int beginToken) =>
        // Up to four 16-bit tokens fit a 64-bit key, which sorts several times faster than a 128-bit one.
        BitsPerToken * order <= 64
            ? Build<ulong>(documents, order, beginToken)
            : Build<UInt128>(documents, order, beginToken);

    /// <summary><see cref="Build(IReadOnlyList{int[]}, int, int)"/> with every n-gram of the highest order packed into
    /// one key of type <typeparamref name="T"/>.</summary>
    /// <param name="chunkGrams">n-grams sorted at a time; the tables are the same for any value.</param>
    internal static NGramTable[] Build<T>(IReadOnlyList<int[]> documents, int order, int beginToken, int chunkGrams = DefaultChunkGrams)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var (keys, counts) = CountHighestOrder<T>(documents, order, beginToken, chunkGrams);
        var tables = new NGramTable[order];
        for (var n = order; n >= 1; n--)
        {
            tables[n - 1] = ToTable(keys, counts);
            if (n == 1)
            {
                break;
            }

            // Continuation counts: each distinct n-gram (u h w) contributes one to (h w); drop the oldest token.
            var shorter = Mask<T>(BitsPerToken * (n - 1));
            var lower = ArrayPool<T>.Shared.Rent(keys.Length);
            var lowerCounts = ArrayPool<int>.Shared.Rent(keys.Length);
            try
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    lower[i] = keys[i] & shorter;
                }

                var distinct = RunLengthInPlace(lower.AsSpan(0, keys.Length), lowerCounts);
                (keys, counts) = (lower.AsSpan(0, distinct).ToArray(), lowerCounts.AsSpan(0, distinct).ToArray());
            }
            finally
            {
                ArrayPool<T>.Shared.Return(lower);
                ArrayPool<int>.Shared.Return(lowerCounts);
            }
        }

        return tables;
    }

    /// <summary>Count tables of a weighted fit: document d's n-grams count <paramref name="weights"/>[d] each at the
    /// highest order, and continuation counts below weigh each left-extension by its most trusted occurrence (see the
    /// class remarks); <paramref name="discount"/> is needed to lay out the tables' discounted running sums.</summary>
    public static NGramTable[] BuildWeighted(IReadOnlyList<int[]> documents, IReadOnlyList<double> weights, int order, int beginToken, double discount) =>
        BitsPerToken * order <= 64
            ? BuildWeighted<ulong>(documents, weights, order, beginToken, discount)
            : BuildWeighted<UInt128>(documents, weights, order, beginToken, discount);

    /// <summary><see cref="BuildWeighted(IReadOnlyList{int[]}, IReadOnlyList{double}, int, int, double)"/> with every
    /// n-gram of the highest order packed into one key of type <typeparamref name="T"/>.</summary>
    /// <param name="chunkGrams">n-grams sorted at a time; the tables are the same for any value up to the order in
    /// which equal n-grams' weights are added.</param>
    internal static NGramTable[] BuildWeighted<T>(IReadOnlyList<int[]> documents, IReadOnlyList<double> weights, int order, int beginToken,
        double discount, int chunkGrams = DefaultChunkGrams)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        if (weights.Count != documents.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {documents.Count} documents.", nameof(weights));
        }

        var (keys, counts) = CountHighestOrderWeighted<T>(documents, weights, order, beginToken, chunkGrams);
        var tables = new NGramTable[order];
        for (var n = order; n >= 1; n--)
        {
            tables[n - 1] = ToWeightedTable<T>(keys, counts, discount);
            if (n == 1)
            {
                break;
            }

            // Each distinct (u h w) is one left-extension of (h w), weighing its largest occurrence weight; the reduced
            // Max carries that largest weight on to (h w)'s own left-extension of the order below.
            var shorter = Mask<T>(BitsPerToken * (n - 1));
            var lower = ArrayPool<T>.Shared.Rent(keys.Length);
            var lowerCounts = ArrayPool<WeightedCount>.Shared.Rent(keys.Length);
            try
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    lower[i] = keys[i] & shorter;
                    lowerCounts[i] = WeightedCount.Once(counts[i].Max);
                }

                var distinct = ReduceInPlace(lower.AsSpan(0, keys.Length), lowerCounts.AsSpan(0, keys.Length));
                (keys, counts) = (lower.AsSpan(0, distinct).ToArray(), lowerCounts.AsSpan(0, distinct).ToArray());
            }
            finally
            {
                ArrayPool<T>.Shared.Return(lower);
                ArrayPool<WeightedCount>.Shared.Return(lowerCounts);
            }
        }

        return tables;
    }

    /// <summary>The distinct n-grams of the highest order with their counts, ascending. The training text is packed and
    /// sorted a chunk at a time and each chunk's counts merged into the running ones, so the memory this takes is that
    /// of one chunk plus the distinct n-grams, not of every n-gram of the text: a web-scale training set of tens of
    /// millions of tokens repeats most of its n-grams. The working arrays come from the shared pool, so vendors fitting
    /// tick after tick reuse them rather than leave them to the garbage collector.</summary>
    private static (T[] Keys, int[] Counts) CountHighestOrder<T>(IReadOnlyList<int[]> documents, int order, int beginToken, int chunkGrams)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        if (order == 1)
        {
            return CountTokens<T>(documents);
        }

        long total = 0;
        foreach (var document in documents)
        {
            total += document.Length;
        }

        var chunkLength = (int)Math.Max(1, Math.Min(total, chunkGrams));
        var chunk = ArrayPool<T>.Shared.Rent(chunkLength);
        var chunkCounts = ArrayPool<int>.Shared.Rent(chunkLength);
        var keys = ArrayPool<T>.Shared.Rent(1);
        var counts = ArrayPool<int>.Shared.Rent(1);
        var distinct = 0;
        var mask = Mask<T>(BitsPerToken * order);
        var begin = T.CreateTruncating((uint)beginToken);
        var g = 0;
        try
        {
            void Flush()
            {
                var chunkDistinct = RunLengthInPlace(chunk.AsSpan(0, g), chunkCounts);
                var mergedKeys = ArrayPool<T>.Shared.Rent(distinct + chunkDistinct);
                var mergedCounts = ArrayPool<int>.Shared.Rent(distinct + chunkDistinct);
                var merged = Merge(keys.AsSpan(0, distinct), counts.AsSpan(0, distinct), chunk.AsSpan(0, chunkDistinct),
                    chunkCounts.AsSpan(0, chunkDistinct), mergedKeys, mergedCounts);
                ArrayPool<T>.Shared.Return(keys);
                ArrayPool<int>.Shared.Return(counts);
                (keys, counts, distinct) = (mergedKeys, mergedCounts, merged);
                g = 0;
            }

            foreach (var document in documents)
            {
                var window = T.Zero;
                for (var i = 0; i < order - 1; i++)
                {
                    window = (window << BitsPerToken) | begin;
                }

                foreach (var token in document)
                {
                    window = ((window << BitsPerToken) | T.CreateTruncating((uint)token)) & mask;
                    chunk[g++] = window;
                    if (g == chunkLength)
                    {
                        Flush();
                    }
                }
            }

            if (g > 0)
            {
                Flush();
            }

            return (keys.AsSpan(0, distinct).ToArray(), counts.AsSpan(0, distinct).ToArray());
        }
        finally
        {
            ArrayPool<T>.Shared.Return(chunk);
            ArrayPool<int>.Shared.Return(chunkCounts);
            ArrayPool<T>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Unigram counts by direct indexing: a 16-bit token is its own key, so a table of 65,536 counts replaces
    /// the sort.</summary>
    private static (T[] Keys, int[] Counts) CountTokens<T>(IReadOnlyList<int[]> documents)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var dense = new int[1 << BitsPerToken];
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                dense[(int)((uint)token & TokenMask)]++;
            }
        }

        var distinct = 0;
        foreach (var count in dense)
        {
            distinct += count > 0 ? 1 : 0;
        }

        var keys = new T[distinct];
        var counts = new int[distinct];
        var k = 0;
        for (var token = 0; token < dense.Length; token++)
        {
            if (dense[token] > 0)
            {
                keys[k] = T.CreateTruncating((uint)token);
                counts[k++] = dense[token];
            }
        }

        return (keys, counts);
    }

    /// <summary>The weighted counterpart of <see cref="CountHighestOrder{T}"/>: the same chunked sort and merge, each
    /// n-gram carrying its document's weight; documents of weight 0 are skipped.</summary>
    private static (T[] Keys, WeightedCount[] Counts) CountHighestOrderWeighted<T>(IReadOnlyList<int[]> documents, IReadOnlyList<double> weights,
        int order, int beginToken, int chunkGrams)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        if (order == 1)
        {
            return CountTokensWeighted<T>(documents, weights);
        }

        long total = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            total += weights[d] > 0 ? documents[d].Length : 0;
        }

        var chunkLength = (int)Math.Max(1, Math.Min(total, chunkGrams));
        var chunk = ArrayPool<T>.Shared.Rent(chunkLength);
        var chunkCounts = ArrayPool<WeightedCount>.Shared.Rent(chunkLength);
        var keys = ArrayPool<T>.Shared.Rent(1);
        var counts = ArrayPool<WeightedCount>.Shared.Rent(1);
        var distinct = 0;
        var mask = Mask<T>(BitsPerToken * order);
        var begin = T.CreateTruncating((uint)beginToken);
        var g = 0;
        try
        {
            void Flush()
            {
                var chunkDistinct = ReduceInPlace(chunk.AsSpan(0, g), chunkCounts.AsSpan(0, g));
                var mergedKeys = ArrayPool<T>.Shared.Rent(distinct + chunkDistinct);
                var mergedCounts = ArrayPool<WeightedCount>.Shared.Rent(distinct + chunkDistinct);
                var merged = Merge<T, WeightedCount>(keys.AsSpan(0, distinct), counts.AsSpan(0, distinct), chunk.AsSpan(0, chunkDistinct),
                    chunkCounts.AsSpan(0, chunkDistinct), mergedKeys, mergedCounts);
                ArrayPool<T>.Shared.Return(keys);
                ArrayPool<WeightedCount>.Shared.Return(counts);
                (keys, counts, distinct) = (mergedKeys, mergedCounts, merged);
                g = 0;
            }

            for (var d = 0; d < documents.Count; d++)
            {
                if (!(weights[d] > 0))
                {
                    continue;
                }

                var occurrence = WeightedCount.Once(weights[d]);
                var window = T.Zero;
                for (var i = 0; i < order - 1; i++)
                {
                    window = (window << BitsPerToken) | begin;
                }

                foreach (var token in documents[d])
                {
                    window = ((window << BitsPerToken) | T.CreateTruncating((uint)token)) & mask;
                    chunk[g] = window;
                    chunkCounts[g++] = occurrence;
                    if (g == chunkLength)
                    {
                        Flush();
                    }
                }
            }

            if (g > 0)
            {
                Flush();
            }

            return (keys.AsSpan(0, distinct).ToArray(), counts.AsSpan(0, distinct).ToArray());
        }
        finally
        {
            ArrayPool<T>.Shared.Return(chunk);
            ArrayPool<WeightedCount>.Shared.Return(chunkCounts);
            ArrayPool<T>.Shared.Return(keys);
            ArrayPool<WeightedCount>.Shared.Return(counts);
        }
    }

    /// <summary>Weighted unigram counts by direct indexing, as <see cref="CountTokens{T}"/>.</summary>
    private static (T[] Keys, WeightedCount[] Counts) CountTokensWeighted<T>(IReadOnlyList<int[]> documents, IReadOnlyList<double> weights)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var dense = new WeightedCount[1 << BitsPerToken];
        for (var d = 0; d < documents.Count; d++)
        {
            if (!(weights[d] > 0))
            {
                continue;
            }

            var occurrence = WeightedCount.Once(weights[d]);
            foreach (var token in documents[d])
            {
                dense[(int)((uint)token & TokenMask)] += occurrence;
            }
        }

        var distinct = 0;
        foreach (var count in dense)
        {
            distinct += count.Sum > 0 ? 1 : 0;
        }

        var keys = new T[distinct];
        var counts = new WeightedCount[distinct];
        var k = 0;
        for (var token = 0; token < dense.Length; token++)
        {
            if (dense[token].Sum > 0)
            {
                keys[k] = T.CreateTruncating((uint)token);
                counts[k++] = dense[token];
            }
        }

        return (keys, counts);
    }

    /// <summary>Sorts <paramref name="grams"/> with their <paramref name="counts"/>, moves its distinct values to its
    /// front with the sums of their counts, and returns how many there are.</summary>
    private static int ReduceInPlace<T>(Span<T> grams, Span<WeightedCount> counts)
        where T : struct, IBinaryInteger<T>
    {
        grams.Sort(counts);
        var k = -1;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i == 0 || grams[i] != grams[k])
            {
                grams[++k] = grams[i];
                counts[k] = counts[i];
            }
            else
            {
                counts[k] += counts[i];
            }
        }

        return k + 1;
    }

    /// <summary>Sorts <paramref name="grams"/>, moves its distinct values to its front with their multiplicities in
    /// <paramref name="counts"/>, and returns how many there are.</summary>
    private static int RunLengthInPlace<T>(Span<T> grams, int[] counts)
        where T : struct, IBinaryInteger<T>
    {
        grams.Sort();
        var k = -1;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i == 0 || grams[i] != grams[k])
            {
                grams[++k] = grams[i];
                counts[k] = 0;
            }

            counts[k]++;
        }

        return k + 1;
    }

    /// <summary>The union of two ascending key lists, with the counts of keys in both added, written to
    /// <paramref name="keys"/> and <paramref name="counts"/>; returns its length.</summary>
    /// <remarks>Generic in the count so that weighted counts merge by the same code; for int the JIT compiles a
    /// specialised copy with a plain integer addition, as before.</remarks>
    private static int Merge<T, TCount>(ReadOnlySpan<T> leftKeys, ReadOnlySpan<TCount> leftCounts, ReadOnlySpan<T> rightKeys,
        ReadOnlySpan<TCount> rightCounts, Span<T> keys, Span<TCount> counts)
        where T : struct, IBinaryInteger<T>
        where TCount : struct, IAdditionOperators<TCount, TCount, TCount>
    {
        int l = 0, r = 0, k = 0;
        while (l < leftKeys.Length && r < rightKeys.Length)
        {
            var order = leftKeys[l].CompareTo(rightKeys[r]);
            if (order < 0)
            {
                (keys[k], counts[k]) = (leftKeys[l], leftCounts[l]);
                l++;
            }
            else if (order > 0)
            {
                (keys[k], counts[k]) = (rightKeys[r], rightCounts[r]);
                r++;
            }
            else
            {
                (keys[k], counts[k]) = (leftKeys[l], leftCounts[l] + rightCounts[r]);
                l++;
                r++;
            }

            k++;
        }

        for (; l < leftKeys.Length; l++, k++)
        {
            (keys[k], counts[k]) = (leftKeys[l], leftCounts[l]);
        }

        for (; r < rightKeys.Length; r++, k++)
        {
            (keys[k], counts[k]) = (rightKeys[r], rightCounts[r]);
        }

        return k;
    }

    /// <summary>The lowest <paramref name="bits"/> bits set.</summary>
    private static T Mask<T>(int bits)
        where T : struct, IBinaryInteger<T>, IUnsignedNumber<T> =>
        bits >= T.AllBitsSet.GetByteCount() * 8 ? T.AllBitsSet : (T.One << bits) - T.One;

    private static NGramTable ToTable<T>(T[] keys, int[] counts)
        where T : struct, IBinaryInteger<T>
    {
        // Totals are summed as longs: a context's total (the unigram one is every token of the text) can pass 2^31.
        var (contexts, followers) = Index<T, int, long>(keys, counts);
        return new NGramTable(contexts, followers, counts);
    }

    private static NGramTable ToWeightedTable<T>(ReadOnlySpan<T> keys, ReadOnlySpan<WeightedCount> counts, double discount)
        where T : struct, IBinaryInteger<T>
    {
        var sums = new double[counts.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = counts[i].Sum;
        }

        var (contexts, followers) = Index<T, double, double>(keys, sums);
        return new NGramTable(contexts, followers, sums, discount);
    }

    /// <summary>Each context's slice of the sorted n-grams, with its total summed in <typeparamref name="TSum"/>, and
    /// the follower token of every n-gram.</summary>
    private static (Dictionary<long, NGramContext> Contexts, int[] Followers) Index<T, TCount, TSum>(ReadOnlySpan<T> keys, ReadOnlySpan<TCount> counts)
        where T : struct, IBinaryInteger<T>
        where TCount : struct, INumberBase<TCount>
        where TSum : struct, INumberBase<TSum>
    {
        var tokenMask = T.CreateTruncating(TokenMask);
        // Sized once: the keys are sorted, so each context's n-grams are contiguous; growing a dictionary of millions
        // of contexts would allocate about as much again in discarded tables.
        var distinctContexts = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if (k == 0 || keys[k] >> BitsPerToken != keys[k - 1] >> BitsPerToken)
            {
                distinctContexts++;
            }
        }

        var contexts = new Dictionary<long, NGramContext>(distinctContexts);
        var followers = new int[keys.Length];
        var i = 0;
        while (i < keys.Length)
        {
            var context = (long)ulong.CreateTruncating(keys[i] >> BitsPerToken);
            var j = i;
            var sum = TSum.Zero;
            while (j < keys.Length && (long)ulong.CreateTruncating(keys[j] >> BitsPerToken) == context)
            {
                followers[j] = int.CreateTruncating(keys[j] & tokenMask);
                sum += TSum.CreateTruncating(counts[j]);
                j++;
            }

            contexts[context] = new NGramContext(i, j - i, double.CreateTruncating(sum));
            i = j;
        }

        return (contexts, followers);
    }
}

/// <summary>The weight of one n-gram's occurrences in a weighted fit: their sum, its weighted count, and the largest
/// of them, what it contributes to the continuation count of its suffix.</summary>
internal readonly record struct WeightedCount(double Sum, double Max) : IAdditionOperators<WeightedCount, WeightedCount, WeightedCount>
{
    /// <summary>One occurrence (or one left-extension) of weight <paramref name="weight"/>.</summary>
    public static WeightedCount Once(double weight) => new(weight, weight);

    /// <summary>The occurrences of both.</summary>
    public static WeightedCount operator +(WeightedCount left, WeightedCount right) => new(left.Sum + right.Sum, Math.Max(left.Max, right.Max));
}
