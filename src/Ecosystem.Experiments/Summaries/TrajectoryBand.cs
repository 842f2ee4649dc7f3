namespace Ecosystem.Experiments.Summaries;

/// <summary>One grid point's mean trajectory over ticks with its confidence band, across the point's finished runs.</summary>
/// <param name="Point">The grid point's index.</param>
/// <param name="Name">The point's label, for the legend.</param>
/// <param name="Runs">Finished runs of the point.</param>
/// <param name="Ticks">Ticks at which some run has a value, ascending.</param>
/// <param name="Means">Mean per tick.</param>
/// <param name="Lows">Lower bound per tick (the mean where fewer than 2 runs have a value).</param>
/// <param name="Highs">Upper bound per tick (the mean where fewer than 2 runs have a value).</param>
public sealed record TrajectoryBand(
    int Point,
    string Name,
    int Runs,
    IReadOnlyList<int> Ticks,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> Lows,
    IReadOnlyList<double> Highs);
