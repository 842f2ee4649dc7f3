using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ecosystem.Corpus;

/// <summary>A 64-bit hash of (seed, purpose, key) that is the same in every process and on every platform.</summary>
internal static class StableHash
{
    /// <summary>The hash; SHA-256 based, unlike <see cref="string.GetHashCode()"/> which is randomised per process.</summary>
    public static ulong Of(long seed, string purpose, string key)
    {
        var text = $"{seed}\u001f{purpose}\u001f{key}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
