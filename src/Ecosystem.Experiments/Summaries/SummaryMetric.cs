namespace Ecosystem.Experiments.Summaries;

/// <summary>One figure of a run's summary: its column name, what it means, and how it is read from a vendor's rows.</summary>
/// <param name="Name">Column name (snake_case).</param>
/// <param name="Description">What the figure means, for reports.</param>
/// <param name="HigherIsWorse">Whether a higher value means more degradation (for colouring and wording in reports).</param>
/// <param name="Compute">The figure from the run's rows; NaN when the run has no rows for it.</param>
/// <param name="Theory">Its closed-form expectation from the run's theory rows, where a closed form exists; NaN or
/// null where none.</param>
public sealed record SummaryMetric(string Name, string Description, bool HigherIsWorse, Func<RunRows, double> Compute, Func<RunRows, double>? Theory = null);
