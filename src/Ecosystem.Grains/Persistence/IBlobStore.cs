namespace Ecosystem.Grains.Persistence;

/// <summary>Where grains keep their large state (corpus segments, vendors' training data, generations' training sets,
/// tick reports): named blobs every silo of the cluster can read, each written whole and atomically.</summary>
/// <remarks>Names are relative paths made by <see cref="BlobNames"/>. A value handed to <see cref="WriteAsync{T}"/> must not
/// be changed afterwards (the in-memory store keeps it as it is).</remarks>
public interface IBlobStore
{
    /// <summary>Writes (or replaces) a blob; readers see the old value or the new one, never a part.</summary>
    Task WriteAsync<T>(string name, T value);

    /// <summary>The blob's value, or default when there is none.</summary>
    Task<T?> ReadAsync<T>(string name);

    /// <summary>Writes (or replaces) a blob of raw bytes in a format other programs read (an Arrow IPC segment), kept
    /// as it is rather than serialized; readers see the old bytes or the new ones, never a part.</summary>
    Task WriteBytesAsync(string name, ReadOnlyMemory<byte> bytes);

    /// <summary>Opens a blob written by <see cref="WriteBytesAsync"/> for reading, or null when there is none. The caller
    /// disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string name);

    /// <summary>Deletes every blob in <paramref name="folder"/> (a grain's folder from <see cref="BlobNames.FolderOf"/>,
    /// which holds blobs only).</summary>
    Task DeleteFolderAsync(string folder);
}
