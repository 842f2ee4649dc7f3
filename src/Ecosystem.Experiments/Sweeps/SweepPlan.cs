namespace Ecosystem.Experiments.Sweeps;

/// <summary>A validated sweep expanded into its runs (points in grid order, seeds in order within each point).</summary>
/// <param name="Spec">The sweep file.</param>
/// <param name="Points">The grid's points.</param>
/// <param name="Runs">Every run.</param>
public sealed record SweepPlan(SweepSpec Spec, IReadOnlyList<SweepPoint> Points, IReadOnlyList<PlannedRun> Runs);
