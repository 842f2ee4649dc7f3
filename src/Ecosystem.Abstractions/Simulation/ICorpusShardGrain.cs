using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>One shard of the shared "internet": append-only segments of documents per tick.</summary>
/// <remarks>Keyed by <see cref="WorldAddress.Shard"/>.</remarks>
public interface ICorpusShardGrain : IGrainWithStringKey
{
    /// <summary>Appends documents; a document id seen before is ignored, so a retried call adds nothing twice.</summary>
    Task AppendAsync(IReadOnlyList<Document> documents);

    /// <summary>Drops the shard's documents and deactivates it: its run is over.</summary>
    Task ReleaseAsync();

    /// <summary>Documents matching the query, ordered by id.</summary>
    Task<IReadOnlyList<Document>> ScrapeAsync(ScrapeQuery query);

    /// <summary>Documents published at one tick, ordered by id.</summary>
    Task<IReadOnlyList<Document>> GetTickAsync(int tick);
}
