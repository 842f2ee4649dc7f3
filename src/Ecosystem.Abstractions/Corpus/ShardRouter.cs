namespace Ecosystem.Abstractions.Corpus;

/// <summary>Assigns a document to a corpus shard by a stable hash (FNV-1a) of its id, the same on every silo.</summary>
public static class ShardRouter
{
    /// <summary>The shard index of <paramref name="documentId"/> among <paramref name="shards"/>.</summary>
    public static int ShardOf(string documentId, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in documentId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
