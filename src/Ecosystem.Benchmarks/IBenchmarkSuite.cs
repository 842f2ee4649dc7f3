using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks;

/// <summary>A named set of measurements that the benchmark command can run on its own or with the others.</summary>
public interface IBenchmarkSuite
{
    /// <summary>The name given to <c>--suite</c> and recorded with every figure.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Runs the suite and returns its figures.</summary>
    Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken);

    /// <summary>Tables and explanations of the suite's figures (from this run or read back from results.json).</summary>
    SuiteReport Report(IReadOnlyList<BenchmarkResult> results);
}
