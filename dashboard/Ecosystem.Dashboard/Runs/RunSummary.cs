namespace Ecosystem.Dashboard.Runs;

/// <summary>One line of the run list: what ran and how far it got.</summary>
/// <param name="Id">The run's folder name, which identifies it in the dashboard's URLs.</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="State">Where the run stands.</param>
/// <param name="CompletedTicks">Ticks written.</param>
/// <param name="TotalTicks">Ticks planned.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="FinishedAt">End time (UTC), once finished.</param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="Controllable">Whether this dashboard started it and so can pause, resume and stop it.</param>
/// <param name="ForkOf">For a fork, the id of the run it branches off (when that run's folder is in the same runs folder).</param>
/// <param name="ForkTick">For a fork, the first tick run with the changed policy.</param>
public sealed record RunSummary(
    string Id,
    string Scenario,
    long Seed,
    RunState State,
    int CompletedTicks,
    int TotalTicks,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    bool Controllable,
    string? ForkOf,
    int? ForkTick)
{
    /// <summary>Whether the run has ended, one way or another.</summary>
    public bool Finished => State is RunState.Completed or RunState.Failed or RunState.Cancelled;
}
