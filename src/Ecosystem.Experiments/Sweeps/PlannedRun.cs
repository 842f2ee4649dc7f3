using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>One run of a sweep: a grid point with one seed, and the resolved, validated scenario it runs.</summary>
/// <param name="Point">The grid point.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Scenario">The base scenario with the point's values written in and the seed set.</param>
public sealed record PlannedRun(SweepPoint Point, long Seed, Scenario Scenario)
{
    /// <summary>The run's folder name inside the sweep's "runs" folder.</summary>
    public string FolderName => FolderNameOf(Point, Seed);

    /// <summary>The folder name of the run of <paramref name="point"/> with <paramref name="seed"/>: "p003_adoption-0.5_seed2".</summary>
    public static string FolderNameOf(SweepPoint point, long seed) => $"p{point.Index:D3}_{point.Slug}_seed{seed}";
}
