namespace Ecosystem.Experiments.Summaries;

/// <summary>The plot of one metric over time across a sweep's points: each point's mean trajectory with its band.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Vendor">The vendor it is about; "" for the corpus.</param>
/// <param name="Title">The plot's title.</param>
/// <param name="YLabel">The value axis' label.</param>
/// <param name="Caption">What the plot shows, in a sentence.</param>
/// <param name="Percent">Whether the values are shares, drawn as percentages.</param>
/// <param name="Bands">One band per grid point, in grid order.</param>
public sealed record TrajectoryFigure(
    string Metric,
    string Vendor,
    string Title,
    string YLabel,
    string Caption,
    bool Percent,
    IReadOnlyList<TrajectoryBand> Bands)
{
    /// <summary>Whether any point has a value, so the plot has something to draw.</summary>
    public bool HasValues => Bands.Any(b => b.Ticks.Count > 0);
}
