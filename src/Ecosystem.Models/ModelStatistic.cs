namespace Ecosystem.Models;

/// <summary>One named number about a model (for example "variance", or "probability" with label "3").</summary>
public sealed record ModelStatistic(string Name, string Label, double Value);
