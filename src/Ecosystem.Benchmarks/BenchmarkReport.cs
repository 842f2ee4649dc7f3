using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Ecosystem.Benchmarks;

/// <summary>Prints results as tables and writes them to results.json (machine-readable) and RESULTS.md.</summary>
/// <remarks>Suites not run this time keep their earlier results in both files, so one suite can be re-measured alone.</remarks>
public static class BenchmarkReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A table per suite and case.</summary>
    public static void Print(IReadOnlyList<BenchmarkResult> results)
    {
        foreach (var group in results.GroupBy(r => (r.Suite, r.Case)))
        {
            var table = new Table().Title($"{group.Key.Suite}: {Markup.Escape(group.Key.Case)}").AddColumns("metric", "implementation", "value", "unit");
            foreach (var result in group)
            {
                table.AddRow(Markup.Escape(result.Metric), Markup.Escape(result.Implementation), Format(result.Value), Markup.Escape(result.Unit));
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>Merges <paramref name="results"/> into the files in <paramref name="directory"/>, replacing the suites that ran.</summary>
    public static void Write(string directory, IReadOnlyList<BenchmarkResult> results, MachineFacts machine, IReadOnlyDictionary<string, string> notes)
    {
        Directory.CreateDirectory(directory);
        var jsonPath = Path.Combine(directory, "results.json");
        var ran = results.Select(r => r.Suite).ToHashSet(StringComparer.Ordinal);
        var kept = new List<BenchmarkResult>();
        if (File.Exists(jsonPath) && JsonSerializer.Deserialize<ResultsFile>(File.ReadAllText(jsonPath), Json) is { } earlier)
        {
            kept.AddRange(earlier.Results.Where(r => !ran.Contains(r.Suite)));
        }

        var all = kept.Concat(results).OrderBy(r => r.Suite, StringComparer.Ordinal).ToList();
        WriteAtomically(jsonPath, JsonSerializer.Serialize(new ResultsFile(machine, all), Json));
        WriteAtomically(Path.Combine(directory, "RESULTS.md"), Markdown(all, machine, notes));
    }

    private static string Markdown(IReadOnlyList<BenchmarkResult> results, MachineFacts machine, IReadOnlyDictionary<string, string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `bash scripts/benchmark.sh` on {machine.Cores} cores ({machine.Cpu}), {machine.Os}, {machine.Runtime}, {machine.Date:yyyy-MM-dd}.");
        text.AppendLine("Each suite compares implementations side by side in one run; `results.json` holds the same figures.").AppendLine();
        foreach (var suite in results.GroupBy(r => r.Suite))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {suite.Key}").AppendLine();
            foreach (var group in suite.GroupBy(r => r.Case))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}:").AppendLine();
                text.AppendLine("| metric | implementation | value | unit |").AppendLine("| --- | --- | ---: | --- |");
                foreach (var r in group)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Metric} | {r.Implementation} | {Format(r.Value)} | {r.Unit} |");
                }

                text.AppendLine();
            }

            if (notes.TryGetValue(suite.Key, out var note))
            {
                text.AppendLine(note).AppendLine();
            }
        }

        return text.ToString();
    }

    private static string Format(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("N2", CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record ResultsFile(MachineFacts Machine, IReadOnlyList<BenchmarkResult> Results);
}
