using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Corpus;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Crawls;

/// <summary>A crawl over the whole web: a census of every shard's documents by tick, the budget split over those strata
/// by the crawl policy's weights (<see cref="CrawlAllocator"/>), and each shard's share drawn by the shard itself.</summary>
/// <remarks>Every random number comes from (seed, vendor, tick) and the strata are taken in shard and tick order, so the
/// crawl is the same on one silo or many: shards are numbered by the scenario, not by the cluster.</remarks>
internal static class WebCrawler
{
    public static async Task<IReadOnlyList<Document>> CrawlAsync(
        IGrainFactory grains, WorldAddress world, int shards, string? onlyVendor, CrawlPolicySpec policy, int budget,
        int tick, long seed, string vendorKey)
    {
        var shardGrains = Enumerable.Range(0, shards).Select(s => grains.GetGrain<ICorpusShardGrain>(world.Shard(s))).ToArray();
        var census = await Task.WhenAll(shardGrains.Select(s => s.CensusAsync(onlyVendor)));
        var strata = census.SelectMany((ticks, shard) => ticks.OrderBy(c => c.Tick).Select(c => (Shard: shard, c.Tick, c.Count))).ToList();
        var counts = strata.Select(s => s.Count).ToArray();
        var weights = strata.Select(s => policy.WeightOfAge(tick - s.Tick)).ToArray();
        var drawn = CrawlAllocator.Allocate(counts, weights, budget, RandomStreams.For(seed, vendorKey, tick, "crawl"));

        var draws = new List<CrawlDraw>[shards];
        for (var i = 0; i < strata.Count; i++)
        {
            var (shard, stratumTick, _) = strata[i];
            var drawSeed = RandomStreams.DeriveSeed(seed, vendorKey, tick, $"crawl-draw/{shard}/{stratumTick}");
            (draws[shard] ??= []).Add(new CrawlDraw(stratumTick, drawn[i], drawSeed));
        }

        var parts = await Task.WhenAll(shardGrains
            .Select((grain, shard) => draws[shard] is { } mine ? grain.DrawAsync(onlyVendor, mine) : Task.FromResult(DocumentBatch.Empty)));
        return SortedDocumentMerge.Merge(parts);
    }
}
