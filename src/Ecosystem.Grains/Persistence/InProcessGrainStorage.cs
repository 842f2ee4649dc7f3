using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Ecosystem.Grains.Persistence;

/// <summary>Grain state kept in this silo's memory: the store of the embedded mode, where nothing outlives the process.</summary>
/// <remarks>Orleans' memory storage keeps state in storage grains, so every read and write is a grain call queued
/// behind the others on a handful of activations; with hundreds of worlds each saving per tick that queue dominated a
/// run. Here a write is a deep copy into a dictionary (copies keep the stored state apart from the grain's, as a real
/// store does), with the same ETag checks. State is per silo: in a cluster of embedded silos a grain moved to another
/// silo starts empty, which is why the Redis mode exists.</remarks>
public sealed class InProcessGrainStorage(DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (object State, string ETag)> _entries = new();
    private long _version;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_entries.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = copier.Copy((T)entry.State);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        object copy = copier.Copy(grainState.State)!;
        _entries.AddOrUpdate(
            key,
            _ => grainState.ETag is null ? (copy, etag) : throw Conflict(stateName, grainId, grainState.ETag, null),
            (_, current) => current.ETag == grainState.ETag ? (copy, etag) : throw Conflict(stateName, grainId, grainState.ETag, current.ETag));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _entries.TryRemove((stateName, grainId), out _);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? expected, string? stored) =>
        new($"State '{stateName}' of {grainId} was written by another activation.", stored ?? "none", expected ?? "none");
}
