using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Sweeps;

/// <summary>One line of the sweep list: which sweep a folder holds and how far it got, as its sweep.json says.</summary>
/// <param name="Name">The sweep's folder name, which identifies it in the dashboard's URLs.</param>
/// <param name="Sweep">The sweep's own name.</param>
/// <param name="Description">What the sweep asks.</param>
/// <param name="Status">Running (in progress), completed, failed or cancelled.</param>
/// <param name="FinishedRuns">Runs finished so far.</param>
/// <param name="TotalRuns">Runs in the sweep.</param>
/// <param name="StartedAt">When the sweep (its latest attempt) started.</param>
/// <param name="FinishedAt">When it ended, once it has.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record SweepEntry(
    string Name,
    string Sweep,
    string? Description,
    RunStatusKind Status,
    int FinishedRuns,
    int TotalRuns,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
