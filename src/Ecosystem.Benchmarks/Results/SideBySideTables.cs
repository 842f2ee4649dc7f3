namespace Ecosystem.Benchmarks.Results;

/// <summary>Generic tables of a side-by-side suite: one table per case, a row per metric, a column per implementation.</summary>
public static class SideBySideTables
{
    /// <summary>The tables of <paramref name="results"/>; a metric an implementation did not measure is left blank.</summary>
    public static IReadOnlyList<ReportTable> From(IReadOnlyList<BenchmarkResult> results)
    {
        var tables = new List<ReportTable>();
        foreach (var byCase in results.GroupBy(r => r.Case))
        {
            var implementations = byCase.Select(r => r.Implementation).Distinct().ToList();
            var rows = byCase.GroupBy(r => r.Metric).Select(byMetric => (IReadOnlyList<string>)
            [
                byMetric.Key,
                .. implementations.Select(i => byMetric.LastOrDefault(r => r.Implementation == i) is { } r ? Figures.Number(r.Value) : ""),
                string.Join(", ", byMetric.Select(r => r.Unit).Distinct()),
            ]).ToList();
            tables.Add(new ReportTable(byCase.Key, ["metric", .. implementations, "unit"], rows));
        }

        return tables;
    }
}
