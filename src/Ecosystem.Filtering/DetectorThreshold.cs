namespace Ecosystem.Filtering;

/// <summary>The threshold of a zero-shot detector for a target false-positive rate: documents scoring below it are
/// flagged as machine text, and at most that share of the human reference documents scores below it.</summary>
public static class DetectorThreshold
{
    /// <summary>The (k + 1)-th smallest human score, k = ⌊rate × n⌋: exactly k of the n human documents score below
    /// it when their scores are distinct, so the measured false-positive rate on them is k/n ≤ rate.</summary>
    public static double For(IReadOnlyList<double> humanScores, double falsePositiveRate)
    {
        if (falsePositiveRate is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositiveRate), falsePositiveRate, "The rate must be in (0, 1).");
        }

        var sorted = humanScores.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A threshold needs at least one scored human document.", nameof(humanScores));
        }

        var k = (int)Math.Floor(falsePositiveRate * sorted.Length);
        return sorted[Math.Min(k, sorted.Length - 1)];
    }

    /// <summary>The share of <paramref name="scores"/> below <paramref name="threshold"/> (flagged).</summary>
    public static double FlaggedShare(IReadOnlyList<double> scores, double threshold) =>
        scores.Count == 0 ? double.NaN : scores.Count(s => s < threshold) / (double)scores.Count;
}
