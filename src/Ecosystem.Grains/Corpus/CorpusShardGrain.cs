using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Persistence;

namespace Ecosystem.Grains.Corpus;

/// <summary>One shard of the simulated web: documents kept in append-only segments, one per tick.</summary>
/// <remarks>Each completed tick's segment is sealed into the blob store (<see cref="ShardArchive"/>), so a shard
/// re-activated after its silo failed holds every completed tick again.</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CorpusShardGrain(IBlobStore blobs, [PersistentState("shard", StorageNames.Grains)] IPersistentState<ShardState> state)
    : Grain, ICorpusShardGrain
{
    private readonly SortedDictionary<int, List<Document>> _segments = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly TickFence _fence = new();
    private ShardArchive _archive = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _archive = new ShardArchive(state, blobs, this.GetPrimaryKeyString());
        foreach (var (tick, documents) in await _archive.LoadAsync())
        {
            _segments[tick] = [.. documents];
            _ids.UnionWith(documents.Select(d => d.Id));
        }
    }

    /// <inheritdoc />
    public async Task BeginTickAsync(int tick)
    {
        foreach (var later in _segments.Keys.Where(t => t >= tick).ToList())
        {
            _ids.ExceptWith(_segments[later].Select(d => d.Id));
            _segments.Remove(later);
        }

        await _archive.ForgetFromAsync(tick);
        _fence.Begin(tick);
    }

    /// <inheritdoc />
    public async Task SealTickAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        if (_segments.TryGetValue(tick, out var segment) && segment.Count > 0)
        {
            await _archive.SealAsync(tick, [.. segment]);
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<Document> documents)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        foreach (var document in documents)
        {
            if (!_ids.Add(document.Id))
            {
                continue;
            }

            if (!_segments.TryGetValue(document.Tick, out var segment))
            {
                segment = [];
                _segments.Add(document.Tick, segment);
            }

            segment.Add(document);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        _segments.Clear();
        _ids.Clear();
        await _archive.ClearAsync();
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ScrapeAsync(ScrapeQuery query)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        var result = new List<Document>();
        foreach (var (tick, segment) in _segments)
        {
            if (tick < query.AfterTick || tick > query.UpToTick)
            {
                continue;
            }

            foreach (var document in segment)
            {
                var isNew = document.Tick > query.AfterTick || document.Phase > query.AfterPhase;
                var isWanted = query.OnlyVendor is null || !document.Provenance.IsSynthetic ||
                               string.Equals(document.Provenance.Vendor, query.OnlyVendor, StringComparison.Ordinal);
                if (isNew && isWanted)
                {
                    result.Add(document);
                }
            }
        }

        result.Sort(DocumentOrder.Instance);
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> GetTickAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        var result = _segments.TryGetValue(tick, out var segment) ? [.. segment] : new List<Document>();
        result.Sort(DocumentOrder.Instance);
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }
}
