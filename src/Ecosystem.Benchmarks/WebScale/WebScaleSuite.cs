using System.Diagnostics;
using System.Globalization;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Benchmarks.Engine;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Cli;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using static Ecosystem.Benchmarks.WebScale.WebScaleMetrics;

namespace Ecosystem.Benchmarks.WebScale;

/// <summary>The <c>webscale</c> suite: <c>scenarios/web-scale.json</c> as shipped (100,000 authors, about ten million
/// documents of 128 tokens, three crawling vendors) on the command line's embedded silo: wall time, peak resident
/// memory of the process and the time of every tick.</summary>
public sealed class WebScaleSuite : IBenchmarkSuite
{
    /// <summary>The suite's name.</summary>
    public const string SuiteName = "webscale";

    /// <summary>The implementation recorded with every figure.</summary>
    public const string Implementation = "embedded silo";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc />
    public string Name => SuiteName;

    /// <inheritdoc />
    public string Description => "scenarios/web-scale.json: wall time, peak memory and tick times of ten million documents on the embedded silo";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(settings.RepositoryRoot, "scenarios", "web-scale.json"));
        if (settings.Quick)
        {
            scenario = Shrink(scenario, 100);
        }

        var output = settings.FreshRunFolder(scenario.Name);

        log.Step(Name, $"running {scenario.Name} ({scenario.Ticks} ticks, {scenario.Humans.Authors:N0} authors) into {output}");
        var clock = new TickClock(_ => false);
        var wall = Stopwatch.StartNew();
        RunResult result;
        MemorySampler sampler;
        await using (var silo = await EmbeddedCluster.StartAsync(cancellationToken))
        {
            sampler = MemorySampler.Start(SampleInterval);
            try
            {
                clock.Start();
                var progress = new Progress(clock, log, Name);
                result = await new ScenarioRunner(silo.Client).RunAsync(scenario, output, progress, cancellationToken);
            }
            finally
            {
                sampler.Dispose();
            }
        }

        var seconds = wall.Elapsed.TotalSeconds;
        log.Step(Name, string.Create(CultureInfo.InvariantCulture,
            $"finished in {seconds / 60:F1} min, peak working set {sampler.PeakWorkingSetBytes / (1024.0 * 1024 * 1024):F2} GiB"));
        return new SuiteOutcome(Figures(scenario, seconds, sampler, clock, result.Metrics), new Dictionary<string, string>());
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => WebScaleReport.Build(results);

    /// <summary>The figures of one run.</summary>
    public static IReadOnlyList<BenchmarkResult> Figures(Scenario scenario, double wallSeconds, MemorySampler sampler, TickClock clock, IReadOnlyList<MetricRow> metrics)
    {
        var rows = new List<BenchmarkResult>();
        void Add(string @case, string metric, double value, string unit) => rows.Add(new BenchmarkResult(SuiteName, @case, Implementation, metric, value, unit));
        double DocumentsAt(int tick) => metrics.Where(r => r.Tick == tick && r.Replicate == 0 && r.Vendor == "" && r.Metric == MetricNames.DocumentsTotal)
            .Select(r => r.Value).DefaultIfEmpty(0).Single();

        var documents = DocumentsAt(scenario.Ticks - 1);
        Add(WholeRun, Authors, scenario.Humans.Authors, "authors");
        Add(WholeRun, DocumentTokens, scenario.Data.Text.DocumentTokens, "tokens");
        Add(WholeRun, Documents, documents, "documents");
        Add(WholeRun, WallSeconds, wallSeconds, "s");
        Add(WholeRun, DocumentsPerSecond, documents / wallSeconds, "documents/s");
        Add(WholeRun, PeakWorkingSet, sampler.PeakWorkingSetBytes, "bytes");
        Add(WholeRun, PeakManagedHeap, sampler.PeakManagedHeapBytes, "bytes");
        for (var tick = 0; tick < clock.Seconds.Count; tick++)
        {
            Add(TickCase(tick), TickSeconds, clock.Seconds[tick], "s");
            Add(TickCase(tick), Documents, DocumentsAt(tick), "documents");
        }

        return rows;
    }

    /// <summary>The scenario at 1/<paramref name="factor"/> of its size, for a smoke run.</summary>
    public static Scenario Shrink(Scenario scenario, int factor) => scenario with
    {
        Ticks = 3,
        Humans = scenario.Humans with
        {
            Authors = Math.Max(1, scenario.Humans.Authors / factor),
            InitialDocuments = scenario.Humans.InitialDocuments / factor,
            DocumentsPerTick = scenario.Humans.DocumentsPerTick / factor,
        },
        Vendors = scenario.Vendors.Select(v => v with
        {
            Training = v.Training with { CrawlBudget = v.Training.CrawlBudget is { } budget ? Math.Max(1, budget / factor) : null },
            Deployment = v.Deployment with { DocumentsPerTick = v.Deployment.DocumentsPerTick / factor },
        }).ToList(),
    };

    /// <summary>Times the ticks and logs each one.</summary>
    private sealed class Progress(TickClock clock, BenchmarkLog log, string suite) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            clock.Report(value);
            log.Step(suite, string.Create(CultureInfo.InvariantCulture,
                $"tick {value.CompletedTicks}/{value.TotalTicks}: {clock.Seconds[^1]:F1} s, {value.DocumentsPublished:N0} documents published, working set {Environment.WorkingSet / (1024.0 * 1024 * 1024):F2} GiB"));
        }
    }
}
