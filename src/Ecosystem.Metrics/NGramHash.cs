namespace Ecosystem.Metrics;

/// <summary>A well-mixed 64-bit hash of each n-gram of a token sequence (each id folded in, then the SplitMix64
/// finalizer), for sketches that count distinct n-grams without holding them.</summary>
public static class NGramHash
{
    /// <summary>Adds the hash of every <paramref name="n"/>-gram of <paramref name="tokens"/> to <paramref name="sketch"/>
    /// (none when the sequence is shorter than n; n-grams never cross documents).</summary>
    public static void AddTo(DistinctCountSketch sketch, ReadOnlySpan<int> tokens, int n)
    {
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            sketch.Add(Of(tokens.Slice(i, n)));
        }
    }

    /// <summary>The hash of one n-gram.</summary>
    public static ulong Of(ReadOnlySpan<int> ngram)
    {
        var hash = (ulong)ngram.Length * 0x9E3779B97F4A7C15UL;
        foreach (var token in ngram)
        {
            hash = Mix(hash ^ (uint)token) + 0x9E3779B97F4A7C15UL;
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser: a bijection of 64-bit values in which every input bit moves every output bit.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
