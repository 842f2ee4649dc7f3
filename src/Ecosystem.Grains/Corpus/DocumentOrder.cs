using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Grains.Corpus;

/// <summary>The canonical order of documents: ordinal order of their ids (which begin with the tick).</summary>
public sealed class DocumentOrder : IComparer<Document>
{
    /// <summary>The shared instance.</summary>
    public static DocumentOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Document? x, Document? y) => string.CompareOrdinal(x?.Id, y?.Id);
}
