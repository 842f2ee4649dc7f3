using System.Buffers.Binary;

namespace Ecosystem.Reports.Tests;

/// <summary>Just enough PNG reading to check a file is one and how big it is.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the PNG signature, an IHDR chunk first and a non-trivial size; returns the pixel size.</summary>
    public static (int Width, int Height) AssertValid(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{Path.GetFileName(path)} is only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
