namespace Ecosystem.Benchmarks.Results;

/// <summary>The content of results.json: the last run of each suite and all their figures.</summary>
/// <remarks>Running some suites replaces only their own runs and figures, so suites can be rerun one at a time.</remarks>
public sealed record ResultsDocument(IReadOnlyList<SuiteRun> Runs, IReadOnlyList<BenchmarkResult> Results)
{
    /// <summary>A document with no suites.</summary>
    public static ResultsDocument Empty { get; } = new([], []);

    /// <summary>This document with <paramref name="run"/>'s suite replaced by <paramref name="run"/> and <paramref name="results"/>
    /// (kept in its place, or appended when the suite is new).</summary>
    public ResultsDocument With(SuiteRun run, IReadOnlyList<BenchmarkResult> results)
    {
        if (results.Any(r => r.Suite != run.Suite))
        {
            throw new ArgumentException($"Every result must belong to suite '{run.Suite}'.", nameof(results));
        }

        var runs = Runs.ToList();
        var index = runs.FindIndex(r => r.Suite == run.Suite);
        if (index >= 0)
        {
            runs[index] = run;
        }
        else
        {
            runs.Add(run);
        }

        var merged = runs.SelectMany(r => r.Suite == run.Suite ? results : Results.Where(x => x.Suite == r.Suite)).ToList();
        return new ResultsDocument(runs, merged);
    }

    /// <summary>The figures of <paramref name="suite"/>, in recorded order.</summary>
    public IReadOnlyList<BenchmarkResult> Of(string suite) => Results.Where(r => r.Suite == suite).ToList();
}
