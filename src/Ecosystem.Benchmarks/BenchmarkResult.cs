namespace Ecosystem.Benchmarks;

/// <summary>One measured figure: which suite and case, what was measured, its value and unit, and for side-by-side
/// suites which implementation produced it.</summary>
public sealed record BenchmarkResult(string Suite, string Case, string Implementation, string Metric, double Value, string Unit);
