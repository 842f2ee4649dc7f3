using Ecosystem.Segments;

namespace Ecosystem.Grains.Corpus;

/// <summary>A shard's sealed tick: its Arrow file in the blob store and, while the silo's memory budget allows, its
/// columns on the heap.</summary>
public sealed class SealedSegment(int tick, int count, IReadOnlyDictionary<string, int> sources, string blobName)
{
    private ColumnarSegment? _columns;

    /// <summary>The tick.</summary>
    public int Tick { get; } = tick;

    /// <summary>Number of documents.</summary>
    public int Count { get; } = count;

    /// <summary>Documents by whose text they carry: "" for human text, else the vendor.</summary>
    public IReadOnlyDictionary<string, int> Sources { get; } = sources;

    /// <summary>Documents a crawler may fetch: all, or human text and <paramref name="onlyVendor"/>'s output.</summary>
    public int CountFor(string? onlyVendor) =>
        onlyVendor is null ? Count : Sources.GetValueOrDefault("") + Sources.GetValueOrDefault(onlyVendor);

    /// <summary>The Arrow file's blob name.</summary>
    public string BlobName { get; } = blobName;

    /// <summary>The columns when held in memory, else null. Read once into a local: the budget may drop them at any
    /// time from another thread, and a reader holding them keeps them alive.</summary>
    public ColumnarSegment? Columns => Volatile.Read(ref _columns);

    /// <summary>Keeps <paramref name="columns"/> in memory.</summary>
    public void Hold(ColumnarSegment columns) => Volatile.Write(ref _columns, columns);

    /// <summary>Drops the columns from memory (the file stays).</summary>
    public void Drop() => Volatile.Write(ref _columns, null);
}
