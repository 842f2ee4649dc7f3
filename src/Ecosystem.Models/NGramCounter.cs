namespace Ecosystem.Models;

/// <summary>Builds the count tables of an interpolated Kneser-Ney model: raw counts at the highest order and
/// continuation counts N1+(• h w) below it (Chen and Goodman 1999), by sorting packed n-grams rather than hashing each one.</summary>
internal static class NGramCounter
{
    public const int BitsPerToken = 16;

    /// <summary>Packs the last <paramref name="length"/> tokens of a context window into a key (oldest token highest).</summary>
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
    public static Dictionary<long, NGramContext>[] Build(IReadOnlyList<int[]> documents, int order, int beginToken)
    {
        // Distinct n-grams of the highest order with their raw counts.
        var grams = new List<(long Context, int Token)>();
        var window = new int[order];
        foreach (var document in documents)
        {
            Array.Fill(window, beginToken);
            foreach (var token in document)
            {
                window[order - 1] = token;
                grams.Add((Pack(window.AsSpan(0, order - 1)), token));
                Array.Copy(window, 1, window, 0, order - 1);
            }
        }

        var tables = new Dictionary<long, NGramContext>[order];
        var current = RunLength(grams);
        for (var n = order; n >= 1; n--)
        {
            tables[n - 1] = ToTable(current);
            if (n == 1)
            {
                break;
            }

            // Continuation counts: each distinct n-gram (u h w) contributes one to (h w).
            var mask = n - 2 == 0 ? 0L : (1L << (BitsPerToken * (n - 2))) - 1;
            var shorter = new List<(long Context, int Token)>(current.Count);
            foreach (var (context, token, _) in current)
            {
                shorter.Add((context & mask, token));
            }

            current = RunLength(shorter);
        }

        return tables;
    }

    private static List<(long Context, int Token, int Count)> RunLength(List<(long Context, int Token)> grams)
    {
        grams.Sort();
        var result = new List<(long, int, int)>();
        var i = 0;
        while (i < grams.Count)
        {
            var j = i + 1;
            while (j < grams.Count && grams[j] == grams[i])
            {
                j++;
            }

            result.Add((grams[i].Context, grams[i].Token, j - i));
            i = j;
        }

        return result;
    }

    private static Dictionary<long, NGramContext> ToTable(List<(long Context, int Token, int Count)> counts)
    {
        var table = new Dictionary<long, NGramContext>();
        var i = 0;
        while (i < counts.Count)
        {
            var j = i;
            long total = 0;
            while (j < counts.Count && counts[j].Context == counts[i].Context)
            {
                total += counts[j].Count;
                j++;
            }

            var followers = new int[j - i];
            var values = new int[j - i];
            for (var k = i; k < j; k++)
            {
                followers[k - i] = counts[k].Token;
                values[k - i] = counts[k].Count;
            }

            table[counts[i].Context] = new NGramContext(followers, values, total);
            i = j;
        }

        return table;
    }
}
