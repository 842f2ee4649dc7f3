using System.Diagnostics;
using System.Globalization;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Benchmarks.Engine;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Cli;
using Ecosystem.Corpus;
using Ecosystem.Grains.Bases;
using Ecosystem.Grains.Telemetry;
using Ecosystem.Models.Transformer;
using Ecosystem.Models.Transformer.Bases;
using Ecosystem.Reports;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using static Ecosystem.Benchmarks.Nature.NatureMetrics;

namespace Ecosystem.Benchmarks.Nature;

/// <summary>The <c>nature</c> suite: the wall time of Shumailov et al.'s protocol as shipped
/// (<c>scenarios/nature-protocol.json</c>) on an embedded silo, split into building its pretrained base into an empty
/// cache and running the scenario with the base cached, and the figures of that one run that docs/transformer.md quotes.</summary>
public sealed class NatureSuite : IBenchmarkSuite
{
    /// <summary>The suite's name.</summary>
    public const string SuiteName = "nature";

    /// <summary>The implementation recorded with every figure.</summary>
    public const string Implementation = "embedded silo";

    /// <summary>The case of the figures that are not per generation.</summary>
    public const string WholeRun = "whole run";

    /// <inheritdoc />
    public string Name => SuiteName;

    /// <inheritdoc />
    public string Description => "scenarios/nature-protocol.json: time to build its base, time to run it with the base cached, and its results";

    /// <inheritdoc />
    public async Task<SuiteOutcome> RunAsync(BenchmarkSettings settings, BenchmarkLog log, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(settings.RepositoryRoot, "scenarios", "nature-protocol.json"));
        if (settings.Quick)
        {
            scenario = Shrink(scenario);
        }

        var bases = Directory.CreateTempSubdirectory("ecosystem-bench-bases-");
        var output = settings.FreshRunFolder(scenario.Name);

        var previous = Environment.GetEnvironmentVariable("Bases__Directory");
        try
        {
            log.Step(Name, "loading the base corpus");
            var vendor = scenario.Vendors.First(v => v.Model.Base is not null);
            var plan = await BasePlan.LoadAsync(scenario, vendor, HumanCorpusLoader.Shared, cancellationToken);
            log.Step(Name, $"building base {plan.Recipe.Key[..16]}: {plan.Recipe.Describe()}");
            var progress = new ProgressLines<TrainingProgress>(new LogWriter(log, Name), p => "base " + TrainingText.Describe(p), p => p.Epoch, TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();
            var (_, entry, _) = await Task.Run(() => new BaseModelCache(bases.FullName).GetOrBuild(plan.Recipe, () => plan.Documents, progress, cancellationToken: cancellationToken), cancellationToken);
            var buildSeconds = clock.Elapsed.TotalSeconds;
            log.Step(Name, string.Create(CultureInfo.InvariantCulture, $"base built in {buildSeconds / 60:F1} min"));

            // The embedded silo reads its bases from this folder, where the base just built waits.
            Environment.SetEnvironmentVariable("Bases__Directory", bases.FullName);
            log.Step(Name, $"running {scenario.Name} ({scenario.Ticks} ticks) into {output}");
            clock.Restart();
            RunResult result;
            using var spans = TickSpans.Listen();
            await using (var silo = await EmbeddedCluster.StartAsync(cancellationToken))
            {
                var ticks = new ProgressLines<RunProgress>(new LogWriter(log, Name), p => $"tick {p.CompletedTicks}/{p.TotalTicks}", p => p.CompletedTicks);
                result = await new ScenarioRunner(silo.Client).RunAsync(scenario, output, ticks, cancellationToken);
            }

            var runSeconds = clock.Elapsed.TotalSeconds;
            RunPlots.WriteAll(result.Metrics, Path.Combine(output, RunFiles.Plots));
            log.Step(Name, string.Create(CultureInfo.InvariantCulture, $"run finished in {runSeconds / 60:F1} min; metrics.csv and plots in {output}"));
            var figures = Figures(scenario, entry, buildSeconds, runSeconds, result.Metrics).ToList();
            double Phase(TickPhase phase) => Enumerable.Range(0, scenario.Ticks).Sum(t => spans.SecondsOf(t, SimulationTracing.PhaseName(phase)));
            figures.Add(new BenchmarkResult(SuiteName, WholeRun, Implementation, TrainSeconds, Phase(TickPhase.VendorsTrain), "s"));
            figures.Add(new BenchmarkResult(SuiteName, WholeRun, Implementation, PublishSeconds, Phase(TickPhase.ModelsPublish), "s"));
            figures.Add(new BenchmarkResult(SuiteName, WholeRun, Implementation, MeasureSeconds, Phase(TickPhase.Measure), "s"));
            return new SuiteOutcome(figures, new Dictionary<string, string>());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Bases__Directory", previous);
            bases.Delete(recursive: true);
        }
    }

    /// <inheritdoc />
    public SuiteReport Report(IReadOnlyList<BenchmarkResult> results) => NatureReport.Build(results);

    /// <summary>The figures of one run: times, the base, and per vendor and generation the quality rows.</summary>
    public static IReadOnlyList<BenchmarkResult> Figures(Scenario scenario, BaseModelEntry entry, double buildSeconds, double runSeconds, IReadOnlyList<MetricRow> metrics)
    {
        var rows = new List<BenchmarkResult>();
        void Add(string @case, string metric, double value, string unit) => rows.Add(new BenchmarkResult(SuiteName, @case, Implementation, metric, value, unit));
        Add(WholeRun, BaseBuildSeconds, buildSeconds, "s");
        Add(WholeRun, BaseTokensPerSecond, entry.TokensPerSecond, "tokens/s");
        Add(WholeRun, BaseTokens, entry.Recipe.Tokens, "tokens");
        Add(WholeRun, BaseEpochs, entry.Recipe.Settings.Epochs, "epochs");
        Add(WholeRun, Parameters, entry.Parameters, "count");
        Add(WholeRun, RunSeconds, runSeconds, "s");
        double? Value(int tick, string vendor, string metric, string label = "") => metrics
            .Where(r => r.Tick == tick && r.Replicate == 0 && r.Vendor == vendor && r.Metric == metric && r.Label == label)
            .Select(r => (double?)r.Value)
            .FirstOrDefault();

        foreach (var vendor in scenario.Vendors.Select(v => v.Name))
        {
            if (Value(0, vendor, MetricNames.BaseHeldoutPerplexity) is { } basePerplexity)
            {
                Add(vendor, BasePerplexity, basePerplexity, "perplexity");
            }

            if (Value(0, vendor, MetricNames.ReferenceNgramHeldoutPerplexity, "3") is { } trigram)
            {
                Add(vendor, TrigramPerplexity, trigram, "perplexity");
            }

            for (var tick = 0; tick < scenario.Ticks; tick++)
            {
                var @case = string.Create(CultureInfo.InvariantCulture, $"{vendor} g{tick}");
                void Copy(string metric, string source, string label = "")
                {
                    if (Value(tick, vendor, source, label) is { } value)
                    {
                        Add(@case, metric, value, "");
                    }
                }

                Copy(HeldOutPerplexity, MetricNames.HeldoutPerplexity);
                Copy(Distinct2, MetricNames.Distinct2);
                Copy(EntropyBits, MetricNames.TokenEntropyBits);
                Copy(MedianUnderGenerationZero, MetricNames.GeneratedPerplexityGen0Quantile, "0.5");
                Copy(TailUnderGenerationZero, MetricNames.GeneratedPerplexityGen0Quantile, "0.99");
            }
        }

        return rows;
    }

    /// <summary>The quick smoke configuration: a base of 40,000 tokens and two short ticks.</summary>
    private static Scenario Shrink(Scenario scenario) => scenario with
    {
        Ticks = 2,
        Data = scenario.Data with { Text = scenario.Data.Text with { MaxDocuments = 40 } },
        Humans = scenario.Humans with { InitialDocuments = 40 },
        Vendors = scenario.Vendors.Select(v => v with
        {
            Model = v.Model with { Base = v.Model.Base! with { Epochs = 1, MaxTokens = 40_000 }, Transformer = v.Model.Transformer with { FineTuneEpochs = 1 } },
            Deployment = v.Deployment with { DocumentsPerTick = 40 },
        }).ToList(),
        Metrics = scenario.Metrics with { HeldOutDocuments = 50 },
    };

    /// <summary>Sends whole lines to the benchmark log.</summary>
    private sealed class LogWriter(BenchmarkLog log, string suite) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value) => log.Step(suite, value ?? "");
    }
}
