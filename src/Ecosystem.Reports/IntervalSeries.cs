namespace Ecosystem.Reports;

/// <summary>One series of means with symmetric confidence half-widths, one per category (e.g. per sweep point).</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Means">Mean per category; NaN where none.</param>
/// <param name="HalfWidths">Half-width of the interval per category; NaN where none.</param>
public sealed record IntervalSeries(string Name, IReadOnlyList<double> Means, IReadOnlyList<double> HalfWidths);
