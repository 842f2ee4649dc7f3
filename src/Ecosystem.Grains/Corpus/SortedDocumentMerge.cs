using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Grains.Corpus;

/// <summary>Merges lists of documents that are each in the canonical order (<see cref="DocumentOrder"/>) into one list
/// in that order, the way a sort of their concatenation would order them.</summary>
/// <remarks>Every shard answers in canonical order already; merging them pairwise takes about n log2(k) comparisons of
/// ids for k shards, where sorting the concatenation took n log2(n). A part that turns out not to be in order is
/// sorted first, so the result never depends on the parts being as promised.</remarks>
public static class SortedDocumentMerge
{
    /// <summary>All documents of <paramref name="parts"/> in canonical order.</summary>
    public static List<Document> Merge(IReadOnlyList<IReadOnlyList<Document>> parts)
    {
        var lists = new List<Document[]>(parts.Count);
        foreach (var part in parts)
        {
            if (part.Count == 0)
            {
                continue;
            }

            var list = part.ToArray();
            if (!IsOrdered(list))
            {
                Array.Sort(list, DocumentOrder.Instance);
            }

            lists.Add(list);
        }

        while (lists.Count > 1)
        {
            var next = new List<Document[]>((lists.Count + 1) / 2);
            for (var i = 0; i < lists.Count; i += 2)
            {
                next.Add(i + 1 < lists.Count ? MergeTwo(lists[i], lists[i + 1]) : lists[i]);
            }

            lists = next;
        }

        return lists.Count == 0 ? [] : [.. lists[0]];
    }

    private static bool IsOrdered(Document[] documents)
    {
        for (var i = 1; i < documents.Length; i++)
        {
            if (string.CompareOrdinal(documents[i - 1].Id, documents[i].Id) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static Document[] MergeTwo(Document[] left, Document[] right)
    {
        var merged = new Document[left.Length + right.Length];
        int l = 0, r = 0, m = 0;
        while (l < left.Length && r < right.Length)
        {
            // Ties keep the left part's document first; ids are unique across shards, so a tie does not happen there.
            merged[m++] = string.CompareOrdinal(right[r].Id, left[l].Id) < 0 ? right[r++] : left[l++];
        }

        while (l < left.Length)
        {
            merged[m++] = left[l++];
        }

        while (r < right.Length)
        {
            merged[m++] = right[r++];
        }

        return merged;
    }
}
