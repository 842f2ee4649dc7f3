using System.Collections;

namespace Ecosystem.Abstractions.Corpus;

/// <summary>Documents handed from one grain to another as one immutable batch: by reference between grains of one silo,
/// and between silos in a compact columnar form (a converter in the grains' assembly writes it) rather than as one
/// serialized object graph per document.</summary>
/// <remarks>Whoever makes a batch hands its list over and does not change it afterwards: grains of one silo share it.</remarks>
[Immutable]
public sealed class DocumentBatch(IReadOnlyList<Document> documents) : IReadOnlyList<Document>
{
    /// <summary>A batch of no documents.</summary>
    public static DocumentBatch Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => documents.Count;

    /// <inheritdoc />
    public Document this[int index] => documents[index];

    /// <inheritdoc />
    public IEnumerator<Document> GetEnumerator() => documents.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
