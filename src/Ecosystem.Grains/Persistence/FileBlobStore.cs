using Orleans.Serialization;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs as files under one folder that every silo can read and write (a local folder for silos on one machine,
/// a shared volume across machines), serialized with Orleans' serializer; byte blobs are written as they are.</summary>
public sealed class FileBlobStore(string root, Serializer serializer) : IBlobStore
{
    private readonly BlobFileFolder _files = new(root);

    /// <summary>The folder that holds the blobs.</summary>
    public string Root => _files.Root;

    /// <inheritdoc />
    public Task WriteAsync<T>(string name, T value) => _files.WriteAsync(name, serializer.SerializeToArray(value));

    /// <inheritdoc />
    public async Task<T?> ReadAsync<T>(string name) =>
        await _files.ReadAllAsync(name) is { } bytes ? serializer.Deserialize<T>(bytes) : default;

    /// <inheritdoc />
    public Task WriteBytesAsync(string name, ReadOnlyMemory<byte> bytes) => _files.WriteAsync(name, bytes);

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string name) => Task.FromResult(_files.OpenRead(name));

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder)
    {
        _files.DeleteFolder(folder);
        return Task.CompletedTask;
    }
}
