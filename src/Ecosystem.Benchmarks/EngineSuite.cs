using System.Diagnostics;
using System.Globalization;
using Ecosystem.Cli;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Benchmarks;

/// <summary>The simulation engine on the embedded single silo: human authors publishing Brown documents into corpus
/// shards, a vendor scraping them, and the per-tick measurements, at 1,000 and 10,000 authors.</summary>
/// <remarks>The vendor is a unigram model trained once at the last tick and publishing nothing, so the figures are the
/// engine's: publishing, sharding, scraping and measuring.</remarks>
public sealed class EngineSuite : IBenchmarkSuite
{
    private const int Ticks = 5;

    /// <inheritdoc />
    public string Name => "engine";

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(bool quick, Action<string> progress, CancellationToken cancellationToken)
    {
        var results = new List<BenchmarkResult>();
        progress("engine: warm-up (loads and tokenizes the corpus once)");
        await MeasureAsync(100, 200, cancellationToken);
        foreach (var authors in quick ? [1_000] : new[] { 1_000, 10_000 })
        {
            var perTick = 2 * authors;
            progress(string.Create(CultureInfo.InvariantCulture, $"engine: {authors:N0} authors, {perTick:N0} documents a tick"));
            var (seconds, documents, heapBytes, peakWorkingSet) = await MeasureAsync(authors, perTick, cancellationToken);
            var caseName = string.Create(CultureInfo.InvariantCulture, $"{authors:N0} authors, {Ticks} ticks x {perTick:N0} documents of 128 tokens");
            results.AddRange(
            [
                new(Name, caseName, "embedded silo", "documents published", documents, "documents"),
                new(Name, caseName, "embedded silo", "throughput", documents / seconds, "documents/s"),
                new(Name, caseName, "embedded silo", "managed heap held by the run", heapBytes / 1048576.0, "MiB"),
                new(Name, caseName, "embedded silo", "memory per document", heapBytes / (double)documents, "bytes/document"),
                new(Name, caseName, "embedded silo", "peak working set", peakWorkingSet / 1048576.0, "MiB"),
            ]);
        }

        return results;
    }

    private static async Task<(double Seconds, long Documents, long HeapBytes, long PeakWorkingSet)> MeasureAsync(int authors, int perTick, CancellationToken cancellationToken)
    {
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "engine-benchmark", "seed": 1, "ticks": {{Ticks}},
              "data": { "kind": "text", "text": { "documentTokens": 128 } },
              "humans": { "authors": {{authors}}, "documentsPerTick": {{perTick}} },
              "vendors": [ { "name": "probe", "model": { "family": "ngram", "order": 1 }, "release": { "first": {{Ticks - 1}} }, "deployment": { "documentsPerTick": 0 } } ],
              "metrics": { "heldOutDocuments": 10, "samplesPerTick": 0 }
            }
            """);
        var scenario = ScenarioLoader.Parse(json, "engine benchmark");
        await using var cluster = await EmbeddedCluster.StartAsync(cancellationToken);
        var output = Directory.CreateTempSubdirectory("ecosystem-bench-engine-");
        try
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var result = await new ScenarioRunner(cluster.Client).RunAsync(scenario, output.FullName, cancellationToken: cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            // The shards still hold every document (grains stay active for the run): that is the memory per document.
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var documents = (long)result.Metrics.Where(r => r.Metric == Abstractions.Metrics.MetricNames.DocumentsTotal && r.Tick == Ticks - 1 && r.Vendor.Length == 0).Sum(r => r.Value);
            using var process = Process.GetCurrentProcess();
            return (seconds, documents, after - before, process.PeakWorkingSet64);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
