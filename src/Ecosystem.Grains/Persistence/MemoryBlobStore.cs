using System.Collections.Concurrent;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs kept in this process's memory, by reference: the store of the embedded single-process mode, where
/// nothing outlives the process anyway and copying every corpus segment would only double memory. Blobs of raw bytes
/// (sealed corpus segments) go to files in a folder of the process's own, deleted with the store, so that a web larger
/// than memory stays in the operating system's file cache rather than on the heap.</summary>
/// <remarks>Blobs are filed by folder (a name is <c>folder/item</c>, as <see cref="BlobNames"/> makes them), so deleting
/// a grain's folder at the end of a run costs the same however many other grains' blobs the store holds: a run with
/// tens of thousands of generations deletes as many folders.</remarks>
public sealed class MemoryBlobStore : IBlobStore, IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> _folders = new(StringComparer.Ordinal);
    private readonly Lazy<BlobFileFolder> _bytes;

    /// <summary>A store whose byte blobs go under <paramref name="bytesFolder"/> (default: a new folder under the system
    /// temp folder).</summary>
    public MemoryBlobStore(string? bytesFolder = null)
    {
        BytesFolder = bytesFolder ?? Path.Combine(Path.GetTempPath(), "ecosystem-segments", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        _bytes = new Lazy<BlobFileFolder>(() => new BlobFileFolder(BytesFolder));
    }

    /// <summary>The folder that holds the blobs of raw bytes.</summary>
    public string BytesFolder { get; }

    /// <inheritdoc />
    public Task WriteAsync<T>(string name, T value)
    {
        var (folder, item) = Split(name);
        _folders.GetOrAdd(folder, _ => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal))[item] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<T?> ReadAsync<T>(string name)
    {
        var (folder, item) = Split(name);
        return Task.FromResult(_folders.TryGetValue(folder, out var items) && items.TryGetValue(item, out var value) ? (T?)value : default);
    }

    /// <inheritdoc />
    public Task WriteBytesAsync(string name, ReadOnlyMemory<byte> bytes) => _bytes.Value.WriteAsync(name, bytes);

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string name) => Task.FromResult(_bytes.Value.OpenRead(name));

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder)
    {
        _folders.TryRemove(folder, out _);
        if (_bytes.IsValueCreated)
        {
            _bytes.Value.DeleteFolder(folder);
        }

        return Task.CompletedTask;
    }

    /// <summary>Deletes the folder of byte blobs.</summary>
    public void Dispose()
    {
        if (_bytes.IsValueCreated && Directory.Exists(BytesFolder))
        {
            try
            {
                Directory.Delete(BytesFolder, recursive: true);
            }
            catch (IOException)
            {
                // A reader still holds a file open; the system's temp cleaning takes the rest.
            }
        }
    }

    private static (string Folder, string Item) Split(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? ("", name) : (name[..slash], name[(slash + 1)..]);
    }
}
