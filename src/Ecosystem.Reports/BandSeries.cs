namespace Ecosystem.Reports;

/// <summary>A mean trajectory over ticks with a confidence band.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Ticks">Ticks, ascending.</param>
/// <param name="Means">Mean per tick.</param>
/// <param name="Lows">Lower band per tick (the mean where there is no interval).</param>
/// <param name="Highs">Upper band per tick (the mean where there is no interval).</param>
public sealed record BandSeries(string Name, IReadOnlyList<double> Ticks, IReadOnlyList<double> Means, IReadOnlyList<double> Lows, IReadOnlyList<double> Highs);
