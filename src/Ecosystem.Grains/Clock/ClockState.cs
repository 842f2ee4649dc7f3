using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Clock;

/// <summary>The persisted state of a run's clock as of the end of its last committed tick: the run, how many ticks are
/// done, and the running totals that the next tick builds on.</summary>
[GenerateSerializer]
public sealed class ClockState
{
    /// <summary>The run; null before it started.</summary>
    [Id(0)]
    public RunSpec? Spec { get; set; }

    /// <summary>Ticks committed.</summary>
    [Id(1)]
    public int CompletedTicks { get; set; }

    /// <summary>Each world's corpus totals.</summary>
    [Id(2)]
    public List<WorldTotalsState> Worlds { get; set; } = [];

    /// <summary>Counts of the watermark detector over the first world's corpus, when the run has watermarks.</summary>
    [Id(3)]
    public long[]? WatermarkCounts { get; set; }

    /// <summary>Each world's human output factors, one per committed tick.</summary>
    [Id(4)]
    public List<List<double>> OutputFactors { get; set; } = [];
}
