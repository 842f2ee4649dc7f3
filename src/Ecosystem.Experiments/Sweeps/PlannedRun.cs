using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>One run of a sweep: a grid point with one seed, and the resolved, validated scenario it runs.</summary>
/// <param name="Point">The grid point.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Scenario">The base scenario with the point's values written in and the seed set.</param>
public sealed record PlannedRun(SweepPoint Point, long Seed, Scenario Scenario)
{
    /// <summary>The run's folder name inside the sweep's "runs" folder.</summary>
    public string FolderName => $"p{Point.Index:D3}_{Point.Slug}_seed{Seed}";
}
