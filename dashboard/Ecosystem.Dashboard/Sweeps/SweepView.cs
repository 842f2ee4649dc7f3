using Ecosystem.Experiments.Summaries;

namespace Ecosystem.Dashboard.Sweeps;

/// <summary>A sweep as the page draws it: its line of the list, and its figures from the runs finished so far.</summary>
/// <param name="Sweep">Where the sweep stands.</param>
/// <param name="Figures">The data of report.html's figures.</param>
public sealed record SweepView(SweepEntry Sweep, SweepFigures Figures);
