namespace Ecosystem.Benchmarks.Results;

/// <summary>Looks up a suite's figures by case, implementation and metric, for building its tables.</summary>
public sealed class ResultIndex
{
    private readonly Dictionary<(string Case, string Implementation, string Metric), double> _values = [];

    /// <summary>Indexes <paramref name="results"/>; a later figure for the same key wins.</summary>
    public ResultIndex(IEnumerable<BenchmarkResult> results)
    {
        var cases = new List<string>();
        foreach (var result in results)
        {
            _values[(result.Case, result.Implementation, result.Metric)] = result.Value;
            if (!cases.Contains(result.Case))
            {
                cases.Add(result.Case);
            }
        }

        Cases = cases;
    }

    /// <summary>The cases, in order of first appearance.</summary>
    public IReadOnlyList<string> Cases { get; }

    /// <summary>The value, or null when it was not recorded.</summary>
    public double? Find(string @case, string implementation, string metric) =>
        _values.TryGetValue((@case, implementation, metric), out var value) ? value : null;

    /// <summary>The value, or NaN when it was not recorded.</summary>
    public double Get(string @case, string implementation, string metric) => Find(@case, implementation, metric) ?? double.NaN;
}
