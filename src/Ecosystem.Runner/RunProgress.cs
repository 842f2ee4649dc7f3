using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Runner;

/// <summary>Progress of a run: after every tick, and while a tick trains models, the latest training progress.</summary>
public sealed record RunProgress(int CompletedTicks, int TotalTicks, long DocumentsPublished, int GenerationsTrained, TimeSpan Elapsed)
{
    /// <summary>Generations training right now (empty between ticks).</summary>
    public IReadOnlyList<TrainingActivity> Training { get; init; } = [];

    /// <summary>The rows of the tick just completed, as written to metrics.csv (empty in reports made during a tick).</summary>
    public IReadOnlyList<MetricRow> Metrics { get; init; } = [];
}
