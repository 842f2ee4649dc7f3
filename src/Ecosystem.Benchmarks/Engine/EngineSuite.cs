using System.Globalization;
using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>The <c>engine</c> suite: the whole simulation on an embedded single silo with 1,000 and 10,000 human
/// authors publishing Brown text — documents per second, memory, bytes per document held.</summary>
public sealed class EngineSuite : IBenchmarkSuite
{
    /// <summary>The suite's name.</summary>
    public const string SuiteName = "engine";

    /// <summary>The implementation recorded with every figure.</summary>
    public const string Implementation = "embedded silo";

    /// <inheritdoc />
    public string Name => SuiteName;

    /// <inheritdoc />
    public string Description => "the simulation on an embedded silo: documents/s and memory with 1,000 and 10,000 authors, 16-token documents, and 10,000 with 128-token ones";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var configuration = settings.Quick ? EngineConfiguration.Quick : EngineConfiguration.Full;

        // Loads and tokenizes the corpus once (it stays cached for the process) and runs the hot paths at the first
        // case's size, so that no measured run pays for loading or compiling. (The first case still runs slower than
        // the second, with a warm-up of 500 documents as with this one; the cause is not known.)
        log.Step(Name, "warm-up run (loads the Brown corpus, compiles the code paths)");
        var first = configuration.Cases[0];
        await EngineMeasurement.RunAsync(first with { Ticks = Math.Max(first.Ticks, 6) }, cancellationToken);

        var results = new List<BenchmarkResult>();
        foreach (var engineCase in configuration.Cases)
        {
            var runs = new List<EngineRun>();
            for (var r = 1; r <= configuration.Repetitions; r++)
            {
                var run = await EngineMeasurement.RunAsync(engineCase, cancellationToken);
                runs.Add(run);
                log.Step(Name, string.Create(CultureInfo.InvariantCulture,
                    $"{engineCase.Name} run {r}/{configuration.Repetitions}: {run.DocumentsPerSecond:N0} documents/s, ticks {string.Join(" ", run.Ticks.Select(t => $"{t.Seconds:F2}s"))}, {run.BytesPerDocumentHeld:N0} bytes/document held"));
            }

            results.AddRange(Summarize(engineCase, configuration, runs));
        }

        return new SuiteOutcome(results, new Dictionary<string, string>());
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => EngineReport.Build(results);

    /// <summary>The figures of one case: medians over its runs (and the range of documents/s).</summary>
    public static IReadOnlyList<BenchmarkResult> Summarize(EngineCase engineCase, EngineConfiguration configuration, IReadOnlyList<EngineRun> runs)
    {
        var rows = new List<BenchmarkResult>();
        void Add(string metric, double value, string unit) => rows.Add(new BenchmarkResult(SuiteName, engineCase.Name, Implementation, metric, value, unit));
        double Median(Func<EngineRun, double> figure) => Statistics.Median(runs.Select(figure));

        Add(EngineMetrics.Authors, engineCase.Authors, "authors");
        Add(EngineMetrics.DocumentsPerTick, engineCase.DocumentsPerTick, "documents");
        Add(EngineMetrics.Ticks, engineCase.Ticks, "ticks");
        Add(EngineMetrics.DocumentTokens, engineCase.DocumentTokens, "tokens");
        Add(EngineMetrics.Runs, runs.Count, "runs");
        Add(EngineMetrics.DocumentsPerSecond, Median(r => r.DocumentsPerSecond), "documents/s");
        Add(EngineMetrics.DocumentsPerSecondMin, runs.Min(r => r.DocumentsPerSecond), "documents/s");
        Add(EngineMetrics.DocumentsPerSecondMax, runs.Max(r => r.DocumentsPerSecond), "documents/s");
        Add(EngineMetrics.IngestedPerSecond, Median(r => r.IngestedPerSecond), "documents/s");
        Add(EngineMetrics.TickSeconds, Median(r => r.MedianTickSeconds), "s");
        Add(EngineMetrics.FirstTickSeconds, Median(r => r.FirstTickSeconds), "s");
        Add(EngineMetrics.DocumentsHeld, Median(r => r.DocumentsHeld), "documents");
        Add(EngineMetrics.BaselineManagedHeap, Median(r => r.Baseline.ManagedHeapBytes), "bytes");
        Add(EngineMetrics.PeakManagedHeap, Median(r => r.PeakManagedHeapBytes), "bytes");
        Add(EngineMetrics.EndManagedHeap, Median(r => r.End.ManagedHeapBytes), "bytes");
        Add(EngineMetrics.PeakWorkingSet, Median(r => r.PeakWorkingSetBytes), "bytes");
        Add(EngineMetrics.EndWorkingSet, Median(r => r.End.WorkingSetBytes), "bytes");
        Add(EngineMetrics.BytesPerDocumentHeld, Median(r => r.BytesPerDocumentHeld), "bytes/document");
        foreach (var (span, metric) in EngineMetrics.Spans)
        {
            Add(metric, Median(r => r.MedianSpanSeconds(span)), "s");
        }
        return rows;
    }
}
