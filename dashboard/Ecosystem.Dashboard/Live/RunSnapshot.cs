using Ecosystem.Abstractions.Metrics;
using Ecosystem.Dashboard.Runs;

namespace Ecosystem.Dashboard.Live;

/// <summary>A run and every row it has written so far: what a page gets when it starts watching.</summary>
public sealed record RunSnapshot(RunSummary Run, IReadOnlyList<MetricRow> Rows);
