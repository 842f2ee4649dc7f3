namespace Ecosystem.Experiments.Summaries;

/// <summary>One vendor's values of a summary figure at every grid point.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Points">One interval per grid point, in grid order.</param>
public sealed record SummarySeries(string Vendor, IReadOnlyList<PointInterval> Points);
