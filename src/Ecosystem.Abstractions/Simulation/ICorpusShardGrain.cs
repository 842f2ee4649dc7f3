using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>One shard of the shared "internet": append-only segments of documents per tick.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Shard"/>.</remarks>
public interface ICorpusShardGrain : IGrainWithStringKey
{
    /// <summary>Starts tick <paramref name="tick"/>: drops whatever an interrupted attempt of this tick (or a later one)
    /// left, so the shard holds exactly the documents of the earlier ticks.</summary>
    Task BeginTickAsync(int tick);

    /// <summary>Persists the documents published at <paramref name="tick"/> as the shard's segment of that tick.</summary>
    Task SealTickAsync(int tick);

    /// <summary>Appends documents; a document id seen before is ignored, so a retried call adds nothing twice.</summary>
    Task AppendAsync(DocumentBatch documents);

    /// <summary>Drops the shard's documents and deactivates it: its run is over.</summary>
    Task ReleaseAsync();

    /// <summary>Documents matching the query, ordered by id.</summary>
    Task<DocumentBatch> ScrapeAsync(ScrapeQuery query);

    /// <summary>How many documents of each tick the shard holds now that a crawler may fetch: all, or, with
    /// <paramref name="onlyVendor"/>, human text and that vendor's output.</summary>
    Task<IReadOnlyList<CrawlCensus>> CensusAsync(string? onlyVendor);

    /// <summary>Draws documents for a crawler: for each draw, that many of the tick's documents the census counted,
    /// uniformly without replacement in the canonical order, seeded by the draw. Ordered by id.</summary>
    Task<DocumentBatch> DrawAsync(string? onlyVendor, IReadOnlyList<CrawlDraw> draws);

    /// <summary>The ticks whose segments are sealed, ascending.</summary>
    Task<IReadOnlyList<int>> SealedTicksAsync();

    /// <summary>The Arrow IPC file of a sealed tick's segment, as it is kept in the blob store.</summary>
    Task<byte[]> SegmentFileAsync(int tick);

    /// <summary>Documents published at one tick, ordered by id.</summary>
    Task<DocumentBatch> GetTickAsync(int tick);
}
