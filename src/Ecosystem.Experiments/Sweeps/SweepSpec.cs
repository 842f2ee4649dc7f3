namespace Ecosystem.Experiments.Sweeps;

/// <summary>A sweep file: a base scenario, the grid's axes, the seeds, and what to summarise.</summary>
/// <param name="Name">Name of the sweep, used in folder names.</param>
/// <param name="Description">What the sweep asks.</param>
/// <param name="Scenario">Path of the base scenario, relative to the sweep file's folder.</param>
/// <param name="Seeds">Seeds run at every point.</param>
/// <param name="Parameters">The grid's axes.</param>
/// <param name="Summary">What the per-run summaries measure.</param>
/// <param name="ParallelRuns">Runs executed at once; null means one per processor core.</param>
public sealed record SweepSpec(
    string Name,
    string? Description,
    string Scenario,
    SweepSeeds Seeds,
    IReadOnlyList<SweepParameter> Parameters,
    SweepSummarySpec Summary,
    int? ParallelRuns);
