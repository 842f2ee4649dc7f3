using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The summary figures of one sweep run for one vendor.</summary>
/// <param name="Run">The run.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="Values">One value per <see cref="SummaryMetrics.All"/> entry, by name.</param>
public sealed record RunSummary(PlannedRun Run, string Vendor, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The closed-form expectation of each figure that has one in this run, by name (NaN where none).</summary>
    public IReadOnlyDictionary<string, double> Expected { get; init; } = new Dictionary<string, double>();

    /// <summary>Summarises every vendor of a run from its metric rows.</summary>
    public static IReadOnlyList<RunSummary> Of(PlannedRun run, IReadOnlyList<MetricRow> rows, IReadOnlyList<string> tailGenres) =>
        run.Scenario.Vendors
            .Select(v => new RunRows(rows, v.Name, tailGenres))
            .Select(r => new RunSummary(run, r.Vendor, SummaryMetrics.All.ToDictionary(m => m.Name, m => m.Compute(r)))
            {
                Expected = SummaryMetrics.All.ToDictionary(m => m.Name, m => m.Theory?.Invoke(r) ?? double.NaN),
            })
            .ToList();
}
