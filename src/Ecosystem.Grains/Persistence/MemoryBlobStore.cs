using System.Collections.Concurrent;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs kept in this process's memory, by reference: the store of the embedded single-process mode, where
/// nothing outlives the process anyway and copying every corpus segment would only double memory.</summary>
public sealed class MemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, object?> _blobs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task WriteAsync<T>(string name, T value)
    {
        _blobs[name] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<T?> ReadAsync<T>(string name) =>
        Task.FromResult(_blobs.TryGetValue(name, out var value) ? (T?)value : default);

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder)
    {
        var prefix = folder + "/";
        foreach (var name in _blobs.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _blobs.TryRemove(name, out _);
        }

        return Task.CompletedTask;
    }
}
