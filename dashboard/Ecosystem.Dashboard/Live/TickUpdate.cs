using Ecosystem.Abstractions.Metrics;
using Ecosystem.Dashboard.Runs;

namespace Ecosystem.Dashboard.Live;

/// <summary>A completed tick of a watched run: its rows, as written to metrics.csv, and the run's summary after it.</summary>
public sealed record TickUpdate(string RunId, int Tick, RunSummary Run, IReadOnlyList<MetricRow> Rows);
