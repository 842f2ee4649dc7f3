namespace Ecosystem.Grains.Corpus;

/// <summary>The persisted state of a corpus shard: the ticks whose segments are sealed in the blob store.</summary>
[GenerateSerializer]
public sealed class ShardState
{
    /// <summary>Sealed ticks, ascending.</summary>
    [Id(0)]
    public List<int> SealedTicks { get; set; } = [];
}
