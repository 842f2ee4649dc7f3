using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Ecosystem.Corpus;

namespace Ecosystem.Cli.Tests;

/// <summary><c>ecosystem run --corpus</c>: the finished run's web as Arrow files that another Arrow implementation reads.</summary>
public sealed class CorpusExportTests : IDisposable
{
    private readonly TinyRun _run = new();

    [Fact]
    public async Task The_corpus_files_hold_every_document_of_the_run_and_read_in_another_arrow_implementation()
    {
        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots", "--corpus");
        Assert.Equal(0, result.ExitCode);

        var files = Directory.GetFiles(Path.Combine(_run.OutputDirectory, "corpus", "replicate=0"), "*.arrow").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var rows = 0;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<int[]>();
        foreach (var file in files)
        {
            using var reader = ArrowFileReader.FromFile(file);
            using var batch = await reader.ReadNextRecordBatchAsync();
            rows += batch.Length;
            var kind = (DictionaryArray)batch.Column("kind");
            var tokens = (ListArray)batch.Column("tokens");
            for (var i = 0; i < batch.Length; i++)
            {
                kinds.Add(((StringArray)kind.Dictionary).GetString(((Int32Array)kind.Indices).GetValue(i)!.Value));
                var start = tokens.ValueOffsets[i];
                documents.Add([.. ((UInt16Array)tokens.Values).Values[start..tokens.ValueOffsets[i + 1]].ToArray().Select(t => (int)t)]);
            }
        }

        Assert.Equal(Metric("documents_total", ""), rows);

        // The run's corpus-wide distinct bigrams, sketched tick by tick, against the exact count over the whole corpus:
        // within 3 relative standard errors of the sketch (1.04 / sqrt(2^14)).
        var exact = Ecosystem.Metrics.DistinctN.Count(documents, 2).Distinct;
        var sketched = Metric("corpus_distinct_ngrams", "2");
        var error = 3 * 1.04 / Math.Sqrt(1 << 14);
        Assert.InRange(sketched, exact * (1 - error), exact * (1 + error));
        Assert.Equal(["human", "model"], kinds.Order(StringComparer.Ordinal));

        // Arrow's JavaScript implementation reads the same files to the same rows.
        var javascript = await ReadWithArrowJsAsync(files);
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), javascript.Split('\n')[0]);
        Assert.Equal("id,tick,phase,kind,author_id,vendor,generation,genre,genre_inferred,source_document,watermark_key,tokens,values", javascript.Split('\n')[1]);
    }

    /// <summary>A corpus-wide row of the last tick.</summary>
    private double Metric(string metric, string label)
    {
        var lines = File.ReadAllLines(Path.Combine(_run.OutputDirectory, "metrics.csv"));
        return lines.Select(l => l.Split(','))
            .Where(f => f is ["2", "0", "", "", _, _, _] && f[4] == metric && f[5] == label)
            .Select(f => double.Parse(f[6], CultureInfo.InvariantCulture))
            .Single();
    }

    private static async Task<string> ReadWithArrowJsAsync(IReadOnlyList<string> files)
    {
        var modules = Path.Combine(CorpusCache.ResolveDirectory(), "arrow-js", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "apache-arrow")),
            $"apache-arrow is not installed in {modules}; run scripts/install-test-deps.sh");
        const string script = """
            const { tableFromIPC } = require('apache-arrow');
            const fs = require('fs');
            let rows = 0, names = '';
            for (const file of process.argv.slice(1)) {
              const table = tableFromIPC(fs.readFileSync(file));
              rows += table.numRows;
              names = table.schema.fields.map(f => f.name).join(',');
            }
            console.log(rows + '\n' + names);
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.Environment["NODE_PATH"] = modules;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim();
    }

    public void Dispose() => _run.Dispose();
}
