using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Grains.Corpus;

/// <summary>The canonical order of documents: ordinal order of their ids (which begin with the tick).</summary>
public sealed class DocumentOrder : IComparer<Document>
{
    /// <summary>The shared instance.</summary>
    public static DocumentOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Document? x, Document? y) => string.CompareOrdinal(x?.Id, y?.Id);

    /// <summary>Puts <paramref name="documents"/> in canonical order; a list already in it (the usual case when it was
    /// gathered from ordered parts) is only checked, with the same result as sorting it.</summary>
    public static void Sort(List<Document> documents)
    {
        for (var i = 1; i < documents.Count; i++)
        {
            if (string.CompareOrdinal(documents[i - 1].Id, documents[i].Id) > 0)
            {
                documents.Sort(Instance);
                return;
            }
        }
    }
}
