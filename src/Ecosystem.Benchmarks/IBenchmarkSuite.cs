namespace Ecosystem.Benchmarks;

/// <summary>A named group of measurements run by <c>ecosystem-bench --suite NAME</c>.</summary>
public interface IBenchmarkSuite
{
    /// <summary>The suite's name on the command line.</summary>
    string Name { get; }

    /// <summary>Runs the measurements; <paramref name="quick"/> asks for a small smoke configuration.</summary>
    Task<IReadOnlyList<BenchmarkResult>> RunAsync(bool quick, Action<string> progress, CancellationToken cancellationToken);
}
