namespace Ecosystem.Grains.Corpus;

/// <summary>The persisted state of a corpus shard: the ticks whose segments are sealed in the blob store, with each
/// segment's document count and the SHA-256 of its Arrow file.</summary>
[GenerateSerializer]
public sealed class ShardState
{
    /// <summary>Sealed ticks, ascending.</summary>
    [Id(0)]
    public List<int> SealedTicks { get; set; } = [];

    /// <summary>The SHA-256 (hex) of each sealed tick's file.</summary>
    [Id(1)]
    public Dictionary<int, string> Checksums { get; set; } = [];

    /// <summary>The number of documents of each sealed tick.</summary>
    [Id(2)]
    public Dictionary<int, int> Counts { get; set; } = [];

    /// <summary>The documents of each sealed tick by whose text they carry ("" for human text, else the vendor), so a
    /// crawl's census needs no segment read.</summary>
    [Id(3)]
    public Dictionary<int, Dictionary<string, int>> Sources { get; set; } = [];
}
