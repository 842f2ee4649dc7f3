using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ecosystem.Watermarking;

/// <summary>The "soft" green-list watermark of Kirchenbauer et al. 2023, "A Watermark for Large Language Models":
/// before each token, a hash of the vendor's key and the previous token splits the vocabulary into a green list
/// (a fraction <see cref="Gamma"/>) and a red list, and <see cref="Delta"/> is added to the logits of the green tokens.</summary>
/// <remarks>Context width 1: the green list depends on the previous token only (the paper's h = 1 scheme), so an
/// n-gram context of order 2 or more fixes it. Token w is green after token p when a 64-bit mix of
/// (hash(key), p, w), read as a number in [0, 1), is below gamma. That is the paper's random split of the vocabulary,
/// drawn token by token: the green list has gamma |V| tokens on average rather than exactly, and membership costs one
/// hash instead of a permutation of the vocabulary. The key is hashed with SHA-256 and the rest with the SplitMix64
/// finaliser, so green lists are the same in every process and on every platform (never string.GetHashCode).</remarks>
public sealed record GreenListWatermark
{
    private const double TwoTo53 = 9007199254740992.0;

    private readonly ulong _keyHash;
    private readonly ulong _threshold;

    /// <summary>A watermark with key <paramref name="key"/>, green fraction <paramref name="gamma"/> in (0, 1) and
    /// logit bias <paramref name="delta"/> ≥ 0.</summary>
    public GreenListWatermark(string key, double gamma, double delta)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!(gamma is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1).");
        }

        if (!double.IsFinite(delta) || delta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be finite and >= 0.");
        }

        Key = key;
        Gamma = gamma;
        Delta = delta;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("green-list\u001f" + key), hash);
        _keyHash = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        _threshold = (ulong)Math.Round(gamma * TwoTo53);
    }

    /// <summary>The secret key (one per vendor); detection needs the same key.</summary>
    public string Key { get; }

    /// <summary>gamma: the expected share of the vocabulary on the green list.</summary>
    public double Gamma { get; }

    /// <summary>delta: the bias added to the (tempered) logit of every green token.</summary>
    public double Delta { get; }

    /// <summary>True when <paramref name="token"/> is on the green list that follows <paramref name="previous"/>.</summary>
    public bool IsGreen(int previous, int token)
    {
        var context = Mix(_keyHash + (ulong)(uint)previous * 0x9E3779B97F4A7C15UL);
        return Mix(context ^ ((ulong)(uint)token * 0xC2B2AE3D27D4EB4FUL)) >> 11 < _threshold;
    }

    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijection of 64-bit words whose outputs for
    /// nearby inputs look independent.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
