namespace Ecosystem.Experiments.Summaries;

/// <summary>The plot of one summary figure across a sweep's points: each vendor's mean at every point with its
/// confidence interval, and the closed form where the runs have one.</summary>
/// <param name="Metric">The summary figure's name (a <see cref="SummaryMetrics"/> entry).</param>
/// <param name="Title">The plot's title.</param>
/// <param name="Description">What the figure means.</param>
/// <param name="HigherIsWorse">Whether a higher value means more degradation.</param>
/// <param name="Percent">Whether the values are shares, drawn as percentages.</param>
/// <param name="Series">One series per vendor.</param>
/// <param name="Theory">The closed form at every point (of the first vendor that has one); null where no run has one.</param>
public sealed record SummaryFigure(
    string Metric,
    string Title,
    string Description,
    bool HigherIsWorse,
    bool Percent,
    IReadOnlyList<SummarySeries> Series,
    IReadOnlyList<double>? Theory)
{
    /// <summary>Whether any vendor has a value at any point, so the plot has something to draw.</summary>
    public bool HasValues => Series.Any(s => s.Points.Any(p => double.IsFinite(p.Mean)));
}
