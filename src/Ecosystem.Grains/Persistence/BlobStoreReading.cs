namespace Ecosystem.Grains.Persistence;

/// <summary>Reading a blob of raw bytes whole.</summary>
public static class BlobStoreReading
{
    /// <summary>The bytes of the blob <paramref name="name"/> (written by <see cref="IBlobStore.WriteBytesAsync"/>), or
    /// null when there is none.</summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IBlobStore blobs, string name)
    {
        await using var stream = await blobs.OpenReadAsync(name);
        if (stream is null)
        {
            return null;
        }

        if (stream.CanSeek)
        {
            // One array of the blob's size, not a growing buffer and a copy of it: segment files run to tens of MB.
            var bytes = new byte[stream.Length - stream.Position];
            await stream.ReadExactlyAsync(bytes);
            return bytes;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
