using System.Collections.Concurrent;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs kept in this process's memory, by reference: the store of the embedded single-process mode, where
/// nothing outlives the process anyway and copying every corpus segment would only double memory.</summary>
/// <remarks>Blobs are filed by folder (a name is <c>folder/item</c>, as <see cref="BlobNames"/> makes them), so deleting
/// a grain's folder at the end of a run costs the same however many other grains' blobs the store holds: a run with
/// tens of thousands of generations deletes as many folders.</remarks>
public sealed class MemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object?>> _folders = new(StringComparer.Ordinal);

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
    public Task DeleteFolderAsync(string folder)
    {
        _folders.TryRemove(folder, out _);
        return Task.CompletedTask;
    }

    private static (string Folder, string Item) Split(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? ("", name) : (name[..slash], name[(slash + 1)..]);
    }
}
