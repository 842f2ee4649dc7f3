using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Experiments.Summaries;

/// <summary>One summary figure of one vendor at one grid point, across the point's seeds.</summary>
/// <param name="Point">The grid point.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="Metric">The summary figure's name.</param>
/// <param name="Interval">Mean and confidence interval across seeds.</param>
public sealed record PointAggregate(SweepPoint Point, string Vendor, string Metric, ConfidenceInterval Interval)
{
    /// <summary>The figure's closed-form expectation at this point (the mean over its runs, which share it); NaN where
    /// there is none.</summary>
    public double Expected { get; init; } = double.NaN;

    /// <summary>(mean - expected) / standard error of the mean across seeds; NaN without a closed form.</summary>
    public double Z => Interval.StandardError > 0 ? (Interval.Mean - Expected) / Interval.StandardError : double.NaN;

    /// <summary>Aggregates run summaries per (point, vendor, figure), in grid, vendor and figure order.</summary>
    public static IReadOnlyList<PointAggregate> Of(IReadOnlyList<RunSummary> summaries, double confidence) =>
        summaries
            .GroupBy(s => (s.Run.Point.Index, s.Vendor))
            .OrderBy(g => g.Key.Index)
            .SelectMany(g => SummaryMetrics.All.Select(m => new PointAggregate(
                g.First().Run.Point, g.Key.Vendor, m.Name, ConfidenceInterval.Of(g.Select(s => s.Values[m.Name]), confidence))
            {
                Expected = ExpectedOf(g.Select(s => s.Expected.GetValueOrDefault(m.Name, double.NaN))),
            }))
            .ToList();

    private static double ExpectedOf(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }
}
