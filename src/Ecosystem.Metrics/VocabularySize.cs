namespace Ecosystem.Metrics;

/// <summary>Number of distinct token ids used by a document set.</summary>
public static class VocabularySize
{
    /// <summary>Distinct tokens across all documents.</summary>
    public static int Of(IReadOnlyList<int[]> documents) => UnigramCounts.From(documents).Distinct;
}
