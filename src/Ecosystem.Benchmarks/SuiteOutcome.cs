using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks;

/// <summary>What a suite run produced: its figures and the versions of the peers it was compared with.</summary>
public sealed record SuiteOutcome(IReadOnlyList<BenchmarkResult> Results, IReadOnlyDictionary<string, string> Peers);
