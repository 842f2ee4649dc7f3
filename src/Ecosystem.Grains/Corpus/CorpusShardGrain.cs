using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Persistence;
using Ecosystem.Segments;

namespace Ecosystem.Grains.Corpus;

/// <summary>One shard of the simulated web: the documents of the tick in progress, and one sealed columnar segment per
/// completed tick.</summary>
/// <remarks>Each completed tick's segment is sealed into the blob store as an Arrow file (<see cref="ShardArchive"/>), so
/// a shard re-activated after its silo failed holds every completed tick again. Sealed columns stay on the heap while
/// the silo's <see cref="SegmentMemoryBudget"/> allows and are read back from their files when dropped.</remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CorpusShardGrain(
    IBlobStore blobs,
    SegmentMemoryBudget budget,
    SealGate sealGate,
    [PersistentState("shard", StorageNames.Grains)] IPersistentState<ShardState> state)
    : Grain, ICorpusShardGrain
{
    private readonly SortedDictionary<int, SealedSegment> _sealed = [];
    private readonly SortedDictionary<int, SegmentBuilder> _open = [];
    private readonly StringTable _strings = new();
    private readonly TickFence _fence = new();
    private ShardArchive _archive = null!;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _archive = new ShardArchive(state, blobs, this.GetPrimaryKeyString());
        foreach (var segment in _archive.Sealed())
        {
            _sealed[segment.Tick] = segment;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var segment in _sealed.Values)
        {
            budget.Release(segment);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task BeginTickAsync(int tick)
    {
        foreach (var later in _sealed.Keys.Where(t => t >= tick).ToList())
        {
            budget.Release(_sealed[later]);
            _sealed.Remove(later);
        }

        foreach (var later in _open.Keys.Where(t => t >= tick).ToList())
        {
            _open.Remove(later);
        }

        await _archive.ForgetFromAsync(tick);
        _fence.Begin(tick);
    }

    /// <inheritdoc />
    public async Task SealTickAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        if (_open.Remove(tick, out var builder) && builder.Count > 0)
        {
            using (await sealGate.EnterAsync())
            {
                var columns = builder.Build();
                var segment = await _archive.SealAsync(tick, columns, _strings);
                _sealed[tick] = segment;
                budget.Hold(segment, columns);
            }
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(DocumentBatch documents)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        foreach (var document in documents)
        {
            // A tick already sealed is complete: what comes for it again is a retried call's copy.
            if (_sealed.ContainsKey(document.Tick))
            {
                continue;
            }

            if (!_open.TryGetValue(document.Tick, out var builder))
            {
                builder = new SegmentBuilder(document.Tick, _strings);
                _open.Add(document.Tick, builder);
            }

            builder.Add(document);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        foreach (var segment in _sealed.Values)
        {
            budget.Release(segment);
        }

        _sealed.Clear();
        _open.Clear();
        await _archive.ClearAsync();
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public async Task<DocumentBatch> ScrapeAsync(ScrapeQuery query)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        var result = new List<Document>();
        var onlyVendor = query.OnlyVendor is null ? -1 : _strings.Find(query.OnlyVendor);
        foreach (var (tick, segment) in _sealed)
        {
            if (tick < query.AfterTick || tick > query.UpToTick)
            {
                continue;
            }

            var columns = await ColumnsOfAsync(segment);
            for (var i = 0; i < columns.Count; i++)
            {
                var isNew = tick > query.AfterTick || columns.PhaseAt(i) > query.AfterPhase;
                var isWanted = query.OnlyVendor is null || !columns.IsSyntheticAt(i) || columns.VendorCodeAt(i) == onlyVendor;
                if (isNew && isWanted)
                {
                    result.Add(columns.DocumentAt(i, _strings));
                }
            }
        }

        foreach (var (tick, builder) in _open)
        {
            if (tick < query.AfterTick || tick > query.UpToTick)
            {
                continue;
            }

            foreach (var document in builder.Ordered)
            {
                var isNew = document.Tick > query.AfterTick || document.Phase > query.AfterPhase;
                if (isNew && IsWanted(document, query.OnlyVendor))
                {
                    result.Add(document);
                }
            }
        }

        DocumentOrder.Sort(result);
        return new DocumentBatch(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CrawlCensus>> CensusAsync(string? onlyVendor)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        var census = _sealed.Values.Select(s => new CrawlCensus(s.Tick, s.CountFor(onlyVendor)))
            .Concat(_open.Values.Select(b => new CrawlCensus(b.Tick, b.Documents.Count(d => IsWanted(d, onlyVendor)))))
            .Where(c => c.Count > 0)
            .ToList();
        return Task.FromResult<IReadOnlyList<CrawlCensus>>(census);
    }

    /// <inheritdoc />
    public async Task<DocumentBatch> DrawAsync(string? onlyVendor, IReadOnlyList<CrawlDraw> draws)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        var result = new List<Document>(draws.Sum(d => d.Count));
        foreach (var draw in draws.Where(d => d.Count > 0))
        {
            if (_sealed.TryGetValue(draw.Tick, out var segment) && segment.Columns is { } columns)
            {
                budget.Touch(segment);
                var vendor = onlyVendor is null ? -1 : _strings.Find(onlyVendor);
                result.AddRange(DrawRows(draw, columns.Count,
                    i => onlyVendor is null || !columns.IsSyntheticAt(i) || columns.VendorCodeAt(i) == vendor,
                    i => columns.DocumentAt(i, _strings)));
            }
            else if (segment is not null)
            {
                // A segment the budget dropped gives the drawn rows straight from its file and stays out of memory: a
                // crawl over the whole web would otherwise read every old segment back and push out the newest ones.
                using var rows = await _archive.OpenAsync(segment);
                result.AddRange(DrawRows(draw, rows.Count,
                    i => onlyVendor is null || !rows.IsSyntheticAt(i) || string.Equals(rows.VendorAt(i), onlyVendor, StringComparison.Ordinal),
                    rows.DocumentAt));
            }
            else if (_open.TryGetValue(draw.Tick, out var builder))
            {
                var eligible = builder.Ordered.Where(d => IsWanted(d, onlyVendor)).ToArray();
                result.AddRange(Pick(eligible, draw).Select(index => eligible[index]));
            }
            else
            {
                throw new InvalidOperationException($"Shard '{this.GetPrimaryKeyString()}' holds no documents of tick {draw.Tick} to draw from.");
            }
        }

        DocumentOrder.Sort(result);
        return new DocumentBatch(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<int>> SealedTicksAsync() => Task.FromResult<IReadOnlyList<int>>([.. _sealed.Keys]);

    /// <inheritdoc />
    public Task<byte[]> SegmentFileAsync(int tick) =>
        _sealed.TryGetValue(tick, out var segment)
            ? _archive.ReadBytesAsync(segment)
            : throw new ArgumentException($"Shard '{this.GetPrimaryKeyString()}' has no sealed segment of tick {tick}.", nameof(tick));

    /// <inheritdoc />
    public async Task<DocumentBatch> GetTickAsync(int tick)
    {
        _fence.Ensure(this.GetPrimaryKeyString());
        List<Document> result;
        if (_open.TryGetValue(tick, out var builder))
        {
            result = [.. builder.Ordered];
        }
        else if (_sealed.TryGetValue(tick, out var segment))
        {
            var columns = await ColumnsOfAsync(segment);
            result = new List<Document>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                result.Add(columns.DocumentAt(i, _strings));
            }
        }
        else
        {
            result = [];
        }

        DocumentOrder.Sort(result);
        return new DocumentBatch(result);
    }

    private static bool IsWanted(Document document, string? onlyVendor) =>
        onlyVendor is null || !document.Provenance.IsSynthetic || string.Equals(document.Provenance.Vendor, onlyVendor, StringComparison.Ordinal);

    /// <summary>The documents of a sealed segment's rows that <paramref name="draw"/> picks among those the crawler may
    /// fetch, in row (canonical) order of eligibility.</summary>
    private List<Document> DrawRows(CrawlDraw draw, int rows, Func<int, bool> eligibleRow, Func<int, Document> documentAt)
    {
        var eligible = Enumerable.Range(0, rows).Where(eligibleRow).ToArray();
        return [.. Pick(eligible, draw).Select(index => documentAt(eligible[index]))];
    }

    /// <summary>Positions of a uniform draw without replacement of <see cref="CrawlDraw.Count"/> of
    /// <paramref name="eligible"/> (a partial Fisher-Yates shuffle seeded by the draw).</summary>
    private IEnumerable<int> Pick<T>(T[] eligible, CrawlDraw draw)
    {
        if (draw.Count > eligible.Length)
        {
            throw new InvalidOperationException(
                $"Shard '{this.GetPrimaryKeyString()}': a crawl asks for {draw.Count} documents of tick {draw.Tick}, which has {eligible.Length}.");
        }

        return UniformDraw.Positions(eligible.Length, draw.Count, new Random(draw.Seed));
    }

    private async Task<ColumnarSegment> ColumnsOfAsync(SealedSegment segment)
    {
        if (segment.Columns is { } held)
        {
            budget.Touch(segment);
            return held;
        }

        var columns = await _archive.ReadAsync(segment, _strings);
        budget.Hold(segment, columns);
        return columns;
    }
}
