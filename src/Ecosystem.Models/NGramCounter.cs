namespace Ecosystem.Models;

/// <summary>Builds the count tables of an interpolated Kneser-Ney model: raw counts at the highest order and
/// continuation counts N1+(• h w) below it (Chen and Goodman 1999), by sorting packed n-grams rather than hashing each one.</summary>
internal static class NGramCounter
{
    public const int BitsPerToken = 16;

    private const ulong TokenMask = (1UL << BitsPerToken) - 1;

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
    public static NGramTable[] Build(IReadOnlyList<int[]> documents, int order, int beginToken)
    {
        // Every n-gram of the highest order packed into one integer (up to five 16-bit tokens, hence 128 bits).
        var total = 0;
        foreach (var document in documents)
        {
            total += document.Length;
        }

        var width = BitsPerToken * order;
        if (width <= 64)
        {
            // Up to four tokens fit a 64-bit key, which sorts several times faster than a 128-bit one.
            return Build(documents, order, beginToken, total);
        }

        var grams = new UInt128[total];
        var mask = width == 128 ? UInt128.MaxValue : (UInt128.One << width) - 1;
        var g = 0;
        foreach (var document in documents)
        {
            UInt128 window = 0;
            for (var i = 0; i < order - 1; i++)
            {
                window = (window << BitsPerToken) | (uint)beginToken;
            }

            foreach (var token in document)
            {
                window = ((window << BitsPerToken) | (uint)token) & mask;
                grams[g++] = window;
            }
        }

        var tables = new NGramTable[order];
        var (keys, counts) = RunLength(grams);
        for (var n = order; n >= 1; n--)
        {
            tables[n - 1] = ToTable(keys, counts);
            if (n == 1)
            {
                break;
            }

            // Continuation counts: each distinct n-gram (u h w) contributes one to (h w); drop the oldest token.
            var shorter = (UInt128.One << (BitsPerToken * (n - 1))) - 1;
            var lower = new UInt128[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                lower[i] = keys[i] & shorter;
            }

            (keys, counts) = RunLength(lower);
        }

        return tables;
    }

    /// <summary><see cref="Build(IReadOnlyList{int[]}, int, int)"/> for orders whose n-grams fit 64 bits.</summary>
    private static NGramTable[] Build(IReadOnlyList<int[]> documents, int order, int beginToken, int total)
    {
        var grams = new ulong[total];
        var width = BitsPerToken * order;
        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var g = 0;
        foreach (var document in documents)
        {
            ulong window = 0;
            for (var i = 0; i < order - 1; i++)
            {
                window = (window << BitsPerToken) | (uint)beginToken;
            }

            foreach (var token in document)
            {
                window = ((window << BitsPerToken) | (uint)token) & mask;
                grams[g++] = window;
            }
        }

        var tables = new NGramTable[order];
        var (keys, counts) = RunLength(grams);
        for (var n = order; n >= 1; n--)
        {
            tables[n - 1] = ToTable(Array.ConvertAll(keys, k => (UInt128)k), counts);
            if (n == 1)
            {
                break;
            }

            var shorter = (1UL << (BitsPerToken * (n - 1))) - 1;
            var lower = new ulong[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                lower[i] = keys[i] & shorter;
            }

            (keys, counts) = RunLength(lower);
        }

        return tables;
    }

    /// <summary>Sorts <paramref name="grams"/> in place and returns the distinct values with their multiplicities.</summary>
    private static (T[] Keys, int[] Counts) RunLength<T>(T[] grams)
        where T : struct, IEquatable<T>
    {
        Array.Sort(grams);
        var distinct = 0;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i == 0 || !grams[i].Equals(grams[i - 1]))
            {
                distinct++;
            }
        }

        var keys = new T[distinct];
        var counts = new int[distinct];
        var k = -1;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i == 0 || !grams[i].Equals(grams[i - 1]))
            {
                keys[++k] = grams[i];
            }

            counts[k]++;
        }

        return (keys, counts);
    }

    private static NGramTable ToTable(UInt128[] keys, int[] counts)
    {
        var contexts = new Dictionary<long, NGramContext>();
        var followers = new int[keys.Length];
        var i = 0;
        while (i < keys.Length)
        {
            var context = (long)(ulong)(keys[i] >> BitsPerToken);
            var j = i;
            long sum = 0;
            while (j < keys.Length && (long)(ulong)(keys[j] >> BitsPerToken) == context)
            {
                followers[j] = (int)(ulong)(keys[j] & TokenMask);
                sum += counts[j];
                j++;
            }

            contexts[context] = new NGramContext(i, j - i, sum);
            i = j;
        }

        return new NGramTable(contexts, followers, counts);
    }
}
