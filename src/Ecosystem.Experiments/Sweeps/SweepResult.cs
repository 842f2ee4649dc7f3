using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Summaries;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>A finished sweep: every run's rows (in plan order), their summaries and the aggregates across seeds.</summary>
/// <param name="Plan">The sweep that ran.</param>
/// <param name="OutputDirectory">Its folder.</param>
/// <param name="Rows">Metric rows of each run, in the order of <see cref="SweepPlan.Runs"/>.</param>
/// <param name="Summaries">Per run and vendor.</param>
/// <param name="Aggregates">Per point, vendor and figure.</param>
/// <param name="Reused">Runs found complete in the folder and not run again.</param>
public sealed record SweepResult(
    SweepPlan Plan,
    string OutputDirectory,
    IReadOnlyList<IReadOnlyList<MetricRow>> Rows,
    IReadOnlyList<RunSummary> Summaries,
    IReadOnlyList<PointAggregate> Aggregates,
    int Reused);
