using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Persistence;

namespace Ecosystem.Grains.Corpus;

/// <summary>Persists a corpus shard as append-only segments, one blob per tick, and the list of sealed ticks as grain
/// state; a shard re-activated on another silo loads its segments back.</summary>
/// <remarks>A segment is sealed once its tick is complete; a tick that is run again forgets the segments from that tick
/// on and seals them anew under the same names.</remarks>
public sealed class ShardArchive(IPersistentState<ShardState> state, IBlobStore blobs, string shardKey)
{
    private readonly string _folder = BlobNames.FolderOf("shards", shardKey);

    /// <summary>The sealed segments, by tick.</summary>
    /// <exception cref="InvalidDataException">A sealed segment's blob is missing.</exception>
    public async Task<IReadOnlyList<(int Tick, Document[] Documents)>> LoadAsync()
    {
        var segments = new List<(int, Document[])>();
        foreach (var tick in state.State.SealedTicks)
        {
            var documents = await blobs.ReadAsync<Document[]>(SegmentName(tick))
                ?? throw new InvalidDataException($"Shard '{shardKey}': the segment of tick {tick} is sealed but missing from the blob store.");
            segments.Add((tick, documents));
        }

        return segments;
    }

    /// <summary>Forgets the segments of <paramref name="tick"/> and later ticks.</summary>
    public async Task ForgetFromAsync(int tick)
    {
        if (state.State.SealedTicks.RemoveAll(t => t >= tick) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Seals the segment of <paramref name="tick"/>: the blob first, then the state that names it.</summary>
    public async Task SealAsync(int tick, Document[] documents)
    {
        await blobs.WriteAsync(SegmentName(tick), documents);
        if (!state.State.SealedTicks.Contains(tick))
        {
            state.State.SealedTicks.Add(tick);
            state.State.SealedTicks.Sort();
        }

        await state.WriteStateAsync();
    }

    /// <summary>Deletes the segments and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }

    private string SegmentName(int tick) => BlobNames.TickItem(_folder, "segment", tick);
}
