using System.Security.Cryptography;
using System.Text;

namespace Ecosystem.Abstractions;

/// <summary>Derives independent, reproducible random generators from (scenario seed, entity key, tick, purpose).</summary>
/// <remarks>Every random draw in the simulator goes through here, so results never depend on message
/// arrival order, wall time or which silo hosts a grain. The derivation hashes the four parts with SHA-256,
/// which is stable across processes and platforms (unlike <see cref="string.GetHashCode()"/>).</remarks>
public static class RandomStreams
{
    /// <summary>A generator for one purpose of one entity at one tick.</summary>
    public static Random For(long seed, string key, int tick, string purpose) => new(DeriveSeed(seed, key, tick, purpose));

    /// <summary>The 31-bit seed that <see cref="For"/> uses.</summary>
    public static int DeriveSeed(long seed, string key, int tick, string purpose)
    {
        var text = $"{seed}\u001f{key}\u001f{tick}\u001f{purpose}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (int)(BitConverter.ToUInt32(hash[..4]) & 0x7fffffff);
    }
}
