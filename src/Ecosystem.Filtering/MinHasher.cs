namespace Ecosystem.Filtering;

/// <summary>MinHash signatures of token documents (Broder 1997): a document is the set of its shingles (runs of
/// <see cref="Shingle"/> consecutive tokens), and the share of equal signature entries of two documents estimates the
/// Jaccard similarity of their shingle sets, with standard error sqrt(J (1 - J) / hashes).</summary>
/// <remarks>Each of the <see cref="Hashes"/> hash functions is the SplitMix64 finaliser applied to the shingle's hash
/// xor a fixed salt, so signatures are the same in every process. A document shorter than a shingle is one shingle.</remarks>
public sealed class MinHasher
{
    private readonly ulong[] _salts;

    /// <summary>Signatures of <paramref name="hashes"/> entries over shingles of <paramref name="shingle"/> tokens.</summary>
    public MinHasher(int hashes, int shingle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingle, 1);
        Hashes = hashes;
        Shingle = shingle;
        _salts = new ulong[hashes];
        for (var i = 0; i < hashes; i++)
        {
            _salts[i] = Mix(0x6A09E667F3BCC909UL + (ulong)i * 0x9E3779B97F4A7C15UL);
        }
    }

    /// <summary>Entries per signature.</summary>
    public int Hashes { get; }

    /// <summary>Tokens per shingle.</summary>
    public int Shingle { get; }

    /// <summary>The signature of <paramref name="tokens"/>: per hash function, the least hash over the shingles.</summary>
    public ulong[] Signature(ReadOnlySpan<int> tokens)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        if (tokens.IsEmpty)
        {
            return signature;
        }

        var width = Math.Min(Shingle, tokens.Length);
        for (var start = 0; start + width <= tokens.Length; start++)
        {
            var shingle = 0xCBF29CE484222325UL;
            foreach (var token in tokens.Slice(start, width))
            {
                shingle = Mix(shingle ^ (uint)token);
            }

            for (var i = 0; i < signature.Length; i++)
            {
                var value = Mix(shingle ^ _salts[i]);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The share of equal entries of two signatures: the MinHash estimate of the Jaccard similarity.</summary>
    public static double EstimatedJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.IsEmpty)
        {
            throw new ArgumentException("Signatures must be non-empty and of the same length.");
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return equal / (double)a.Length;
    }

    /// <summary>The SplitMix64 finaliser.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
