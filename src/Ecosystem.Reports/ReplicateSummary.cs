namespace Ecosystem.Reports;

/// <summary>The spread of one metric across independent replicates at one tick.</summary>
internal readonly record struct ReplicateSummary(int Tick, int Count, double Mean, double Median, double P10, double P90)
{
    /// <summary>Summarises the finite values; null when there are none.</summary>
    public static ReplicateSummary? Of(int tick, IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new ReplicateSummary(tick, sorted.Length, sorted.Average(), Quantile(sorted, 0.5), Quantile(sorted, 0.1), Quantile(sorted, 0.9));
    }

    /// <summary>Linear interpolation between order statistics (the R-7 / numpy default), so a band over a few
    /// replicates still moves smoothly rather than jumping between sample values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
