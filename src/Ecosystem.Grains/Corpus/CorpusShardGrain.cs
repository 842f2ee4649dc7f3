using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Corpus;

/// <summary>One shard of the simulated web: documents kept in append-only segments, one per tick.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CorpusShardGrain : Grain, ICorpusShardGrain
{
    private readonly SortedDictionary<int, List<Document>> _segments = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<Document> documents)
    {
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
    public Task ReleaseAsync()
    {
        _segments.Clear();
        _ids.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ScrapeAsync(ScrapeQuery query)
    {
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
        var result = _segments.TryGetValue(tick, out var segment) ? [.. segment] : new List<Document>();
        result.Sort(DocumentOrder.Instance);
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }
}
