namespace Ecosystem.Experiments.Summaries;

/// <summary>One grid point of a sweep as its figures show it, and how many of its runs have finished.</summary>
/// <param name="Index">Position in the grid.</param>
/// <param name="Label">"adoption=0.5, paraphrase=0.2", for legends.</param>
/// <param name="Category">The point's values alone, "0.5 / 0.2", for the category axis (the axis names label it once).</param>
/// <param name="FinishedRuns">Runs of the point that have finished.</param>
/// <param name="TotalRuns">Runs of the point (one per seed).</param>
public sealed record SweepFigurePoint(int Index, string Label, string Category, int FinishedRuns, int TotalRuns);
