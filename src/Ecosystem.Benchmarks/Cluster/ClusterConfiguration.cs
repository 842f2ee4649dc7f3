namespace Ecosystem.Benchmarks.Cluster;

/// <summary>The scale scenario of the cluster suite and the cluster shapes it runs on.</summary>
/// <param name="Cases">The cluster shapes, the one-silo reference first.</param>
/// <param name="Authors">Human authors.</param>
/// <param name="Vendors">Vendors; each publishes <paramref name="VendorDocumentsPerTick"/> synthetic documents a tick.</param>
/// <param name="VendorDocumentsPerTick">Synthetic documents each vendor publishes per tick.</param>
/// <param name="Ticks">Ticks simulated.</param>
/// <param name="Shards">Corpus shards (grains spread over the silos).</param>
/// <param name="DocumentTokens">GPT-2 tokens per document.</param>
public sealed record ClusterConfiguration(IReadOnlyList<ClusterCase> Cases, int Authors, int Vendors, int VendorDocumentsPerTick, int Ticks, int Shards, int DocumentTokens)
{
    /// <summary>10,000 authors publishing all of Brown's training split (about 70,000 documents of 16 tokens) over ten
    /// ticks while three vendors publish 32,000 synthetic documents each per tick: about 1,000,000 documents, on one
    /// silo and on three.</summary>
    public static ClusterConfiguration Full { get; } = new([new(1), new(3)], 10_000, 3, 32_000, 10, 12, 16);

    /// <summary>A smoke test of the same code: 1,000 authors, 3 × 1,000 synthetic documents a tick, three ticks.</summary>
    public static ClusterConfiguration Quick { get; } = new([new(1), new(3)], 1_000, 3, 1_000, 3, 6, 16);
}
