using System.Diagnostics;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Telemetry;
using Ecosystem.Cli;
using Ecosystem.Grains.Telemetry;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Telemetry.Tests;

/// <summary>Spans of a run on a real (embedded) silo: one trace per tick holding its four phases between the steps that begin and commit it, and the vendors'
/// scrapes and training runs inside the tick's trace although they run in other grains. Run for each family of the
/// theory experiments, which also shows every statistic they report has a declared instrument.</summary>
public class SimulationTracingTests
{
    [Theory]
    [InlineData("gaussian", "gaussian")]
    [InlineData("mixture", "gmm")]
    [InlineData("categorical", "categorical")]
    public async Task Each_tick_is_one_trace_with_its_phases_scrapes_and_training_runs(string data, string family)
    {
        const int ticks = 3;
        var scenario = ScenarioLoader.Parse($$"""
            {
              "name": "tracing-{{data}}", "seed": 2, "ticks": {{ticks}}, "replicates": 2, "shards": 1,
              "data": { "kind": "{{data}}" },
              "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": 40 },
              "vendors": [
                { "name": "refit", "model": { "family": "{{family}}" }, "training": { "sources": "self" },
                  "release": { "every": 2 }, "deployment": { "documentsPerTick": 1, "documentLength": 40 } }
              ],
              "metrics": { "samplesPerTick": 0 }
            }
            """, "tracing test");
        using var spans = new SpanRecorder();
        using var folder = new TempDirectory();

        RunResult result;
        // The spans are collected by this process's own listener, not by OTLP: say so, so that grain calls carry them.
        await using (var cluster = await EmbeddedCluster.StartAsync(t => t.CollectsTraces = true, RuntimeLog.Quiet))
        {
            result = await new ScenarioRunner(cluster.Client).RunAsync(scenario, Path.Combine(folder.Path, "run"));
        }

        var runId = result.Manifest.RunId;
        var all = spans.Spans;
        var tickSpans = all.Where(s => s.OperationName == SimulationTracing.Tick && Tag(s, TelemetryAttributes.RunId) == runId).ToList();
        Assert.Equal(Enumerable.Range(0, ticks).Select(t => $"{t}"), tickSpans.Select(s => Tag(s, TelemetryAttributes.Tick)).Order());
        Assert.Equal(ticks, tickSpans.Select(s => s.TraceId).Distinct().Count());

        foreach (var tick in tickSpans)
        {
            var phases = all.Where(s => s.ParentSpanId == tick.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
            Assert.Equal([SimulationTracing.BeginTick, "humans publish", "vendors train", "models publish", "measure"], phases.Select(s => s.OperationName));

            // The shards seal the tick while it is measured.
            var measure = phases[^1];
            Assert.Single(all, s => s.ParentSpanId == measure.SpanId && s.OperationName == SimulationTracing.CommitTick);
        }

        // Release every 2 ticks: ticks 0 and 2 train in each of the 2 worlds.
        var traces = tickSpans.ToDictionary(s => s.TraceId, s => Tag(s, TelemetryAttributes.Tick));
        var scrapes = all.Where(s => s.OperationName == SimulationTracing.Scrape && Tag(s, TelemetryAttributes.RunId) == runId).ToList();
        var trainings = all.Where(s => s.OperationName == SimulationTracing.Train && Tag(s, TelemetryAttributes.RunId) == runId).ToList();
        Assert.Equal(4, scrapes.Count);
        Assert.Equal(4, trainings.Count);
        Assert.All(scrapes.Concat(trainings), s => Assert.Equal(traces[s.TraceId], Tag(s, TelemetryAttributes.Tick)));
        var trainingRows = result.Metrics.Where(r => r.Metric == MetricNames.TrainingDocuments)
            .Select(r => $"{r.Tick}/{r.Replicate}/{r.Generation}/{r.Value}").Order();
        Assert.Equal(trainingRows, trainings.Select(s =>
            $"{Tag(s, TelemetryAttributes.Tick)}/{Tag(s, TelemetryAttributes.Replicate)}/{Tag(s, TelemetryAttributes.Generation)}/{Tag(s, TelemetryAttributes.Documents)}").Order());

        Assert.All(result.Metrics.Select(r => r.Metric).Distinct(), m => Assert.True(MetricInstruments.IsDeclared(m), $"'{m}' has no declared instrument"));
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key) switch
    {
        null => null,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };
}
