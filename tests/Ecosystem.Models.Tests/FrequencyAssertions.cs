namespace Ecosystem.Models.Tests;

/// <summary>Compares sampled counts with the probabilities they should follow.</summary>
internal static class FrequencyAssertions
{
    /// <summary>Each cell's empirical frequency within <paramref name="standardErrors"/> binomial standard errors
    /// √(p(1-p)/n) of p. Cells expecting fewer than 5 draws are pooled into one, as for a chi-square test, since the
    /// normal approximation fails for them.</summary>
    public static void Within(int[] counts, double[] expected, string what, double standardErrors = 4.5)
    {
        var n = counts.Sum();
        var cells = new List<(string Name, int Count, double P)>();
        var (rareCount, rareP) = (0, 0.0);
        for (var w = 0; w < counts.Length; w++)
        {
            if (n * expected[w] < 5)
            {
                (rareCount, rareP) = (rareCount + counts[w], rareP + expected[w]);
            }
            else
            {
                cells.Add(($"cell {w}", counts[w], expected[w]));
            }
        }

        cells.Add(("rare cells", rareCount, rareP));
        foreach (var (name, count, p) in cells)
        {
            // Pooled rare cells may still expect under 5 draws: 5 draws of slack cover the discreteness.
            var standardError = Math.Sqrt(p * (1 - p) / n) + (n * p < 5 ? 5.0 / n / standardErrors : 0);
            Assert.True(Math.Abs(count / (double)n - p) <= standardErrors * standardError + 1e-12,
                $"{what}: {name} frequency {count / (double)n}, expected {p} ± {standardErrors * standardError}");
        }
    }
}
