namespace Ecosystem.Metrics;

/// <summary>Shannon entropy H = -Σ p(t) log2 p(t) of the unigram token distribution, in bits
/// (Shannon 1948, "A Mathematical Theory of Communication").</summary>
public static class TokenEntropy
{
    /// <summary>Entropy in bits of the documents' token distribution; 0 when there are no tokens.</summary>
    public static double Bits(IReadOnlyList<int[]> documents) => Bits(UnigramCounts.From(documents));

    /// <summary>Entropy in bits of a counted token distribution; 0 when there are no tokens.</summary>
    public static double Bits(UnigramCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Total == 0)
        {
            return 0;
        }

        // Summed in ascending token-id order (the order of UnigramCounts) so the result is reproducible bit for bit.
        double total = counts.Total;
        var h = 0.0;
        foreach (var c in counts.Counts)
        {
            var p = c / total;
            h -= p * Math.Log2(p);
        }

        // A single-token distribution yields -0.0, which would be written as "-0".
        return h == 0 ? 0 : h;
    }
}
