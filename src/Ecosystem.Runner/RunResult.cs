using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Runner;

/// <summary>A finished run: its folder, manifest and every metric row it wrote.</summary>
public sealed record RunResult(string OutputDirectory, RunManifest Manifest, IReadOnlyList<MetricRow> Metrics);
