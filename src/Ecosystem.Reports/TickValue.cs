namespace Ecosystem.Reports;

/// <summary>One value of a metric at one tick.</summary>
internal readonly record struct TickValue(int Tick, double Value);
