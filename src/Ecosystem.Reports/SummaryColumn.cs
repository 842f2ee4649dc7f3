namespace Ecosystem.Reports;

/// <summary>One column of the summary table: the vendor (or "corpus", or "" for the tick) it belongs to, its name, and
/// its formatted cell for a tick.</summary>
internal sealed record SummaryColumn(string Group, string Name, Func<int, string> Cell);
