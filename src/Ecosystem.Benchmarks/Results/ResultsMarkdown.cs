using System.Globalization;
using System.Text;

namespace Ecosystem.Benchmarks.Results;

/// <summary>Writes RESULTS.md: for every suite in the results document, its machine facts, tables and explanations.</summary>
public static class ResultsMarkdown
{
    /// <summary>The file name inside the output folder.</summary>
    public const string Name = "RESULTS.md";

    /// <summary>The markdown of <paramref name="document"/>; <paramref name="reportOf"/> turns a suite's figures into its report
    /// (null for a suite this build does not know, which is then listed as plain rows).</summary>
    public static string Render(ResultsDocument document, Func<string, IReadOnlyList<BenchmarkResult>, SuiteReport?> reportOf)
    {
        var text = new StringBuilder();
        text.Append("# Benchmark results\n\n");
        text.Append("Written by `bash scripts/benchmark.sh` (the `ecosystem-bench` command, `src/Ecosystem.Benchmarks`); ");
        text.Append("the same figures, machine-readable, are in `results.json`. Rerun one suite with `--suite NAME`.\n");
        foreach (var run in document.Runs)
        {
            var results = document.Of(run.Suite);
            var report = reportOf(run.Suite, results) ?? PlainReport(run.Suite, results);
            text.Append("\n## ").Append(report.Title).Append("\n\n");
            text.Append(Describe(run)).Append("\n\n");
            text.Append(report.Introduction.Trim()).Append("\n\n");
            foreach (var table in report.Tables)
            {
                text.Append(table.ToMarkdown()).Append('\n');
            }

            foreach (var note in report.Notes)
            {
                text.Append(note.Trim()).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>One line saying when, in which configuration, on which machine and against which peers a suite ran.</summary>
    public static string Describe(SuiteRun run)
    {
        var machine = run.Machine;
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"Measured {run.Date:yyyy-MM-dd} ({run.Configuration} configuration) on {machine.Cores} cores");
        if (machine.Processor is { } processor)
        {
            line.Append(" (").Append(processor).Append(')');
        }

        line.Append(CultureInfo.InvariantCulture, $", {Figures.Gibibytes(machine.MemoryBytes)} memory, {machine.Os}, {machine.DotNet}, {machine.GarbageCollector} GC");
        if (machine.Jit is { } jit)
        {
            line.Append(", ").Append(jit);
        }

        if (run.Peers.Count > 0)
        {
            line.Append("; peers: ").Append(string.Join(", ", run.Peers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        }

        return line.Append('.').ToString();
    }

    private static SuiteReport PlainReport(string suite, IReadOnlyList<BenchmarkResult> results) => new(suite, "", SideBySideTables.From(results), []);
}
