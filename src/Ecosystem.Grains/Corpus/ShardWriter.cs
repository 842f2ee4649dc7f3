using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Corpus;

/// <summary>Routes documents to their shards and appends them with one call per shard (never one per document).</summary>
internal static class ShardWriter
{
    public static Task AppendAsync(IGrainFactory grains, WorldAddress world, int shards, IReadOnlyList<Document> documents)
    {
        if (documents.Count == 0)
        {
            return Task.CompletedTask;
        }

        var byShard = new List<Document>[shards];
        foreach (var document in documents)
        {
            var shard = ShardRouter.ShardOf(document.Id, shards);
            (byShard[shard] ??= []).Add(document);
        }

        return Task.WhenAll(byShard
            .Select((batch, index) => (batch, index))
            .Where(x => x.batch is not null)
            .Select(x => grains.GetGrain<ICorpusShardGrain>(world.Shard(x.index)).AppendAsync(new DocumentBatch(x.batch))));
    }

    public static async Task<IReadOnlyList<Document>> ScrapeAsync(IGrainFactory grains, WorldAddress world, int shards, ScrapeQuery query)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, shards)
            .Select(s => grains.GetGrain<ICorpusShardGrain>(world.Shard(s)).ScrapeAsync(query)));
        return Merge(parts);
    }

    public static async Task<IReadOnlyList<Document>> TickAsync(IGrainFactory grains, WorldAddress world, int shards, int tick)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, shards)
            .Select(s => grains.GetGrain<ICorpusShardGrain>(world.Shard(s)).GetTickAsync(tick)));
        return Merge(parts);
    }

    private static List<Document> Merge(DocumentBatch[] parts) => SortedDocumentMerge.Merge(parts);
}
