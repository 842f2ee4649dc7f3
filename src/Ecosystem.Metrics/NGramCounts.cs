namespace Ecosystem.Metrics;

/// <summary>How many n-grams a document set contains in total and how many of them are distinct.</summary>
/// <param name="Distinct">Number of distinct n-grams.</param>
/// <param name="Total">Number of n-gram occurrences.</param>
public readonly record struct NGramCounts(long Distinct, long Total)
{
    /// <summary>Distinct / total, or 0 when there are no n-grams.</summary>
    public double Ratio => Total == 0 ? 0 : (double)Distinct / Total;
}
