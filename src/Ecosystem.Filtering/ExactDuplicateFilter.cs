using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>Keeps the first of documents with identical content (in canonical order) and removes the others.</summary>
public sealed class ExactDuplicateFilter : IScrapeFilter
{
    /// <inheritdoc />
    public string Kind => "exactDuplicate";

    /// <inheritdoc />
    public bool[] Passes(IReadOnlyList<Document> documents)
    {
        var seen = new HashSet<DocumentContent>(ContentComparer.Instance);
        return documents.Select(d => seen.Add(d.Content)).ToArray();
    }

    /// <summary>Equality of token and value sequences (records compare arrays by reference).</summary>
    private sealed class ContentComparer : IEqualityComparer<DocumentContent>
    {
        public static ContentComparer Instance { get; } = new();

        public bool Equals(DocumentContent? x, DocumentContent? y) =>
            x is not null && y is not null && x.Tokens.AsSpan().SequenceEqual(y.Tokens) && x.Values.AsSpan().SequenceEqual(y.Values);

        public int GetHashCode(DocumentContent content)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(content.Tokens.AsSpan()));
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(content.Values.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
