using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

/// <summary>Small suite runs and figures for the tests.</summary>
internal static class Samples
{
    public static MachineFacts Machine { get; } = new(2, "Debian GNU/Linux 12 (bookworm)", ".NET 10.0.0", "Test CPU", 24L << 30, "workstation, concurrent");

    public static SuiteRun Run(string suite, int day = 1, IReadOnlyDictionary<string, string>? peers = null) =>
        new(suite, new DateTimeOffset(2025, 1, day, 12, 0, 0, TimeSpan.Zero), "full", Machine, peers ?? new Dictionary<string, string>());

    public static BenchmarkResult Result(string suite, string @case, string metric, double value) => new(suite, @case, "ours", metric, value, "unit");
}
