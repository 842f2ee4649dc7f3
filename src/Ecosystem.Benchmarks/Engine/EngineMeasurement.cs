using Ecosystem.Abstractions.Metrics;
using Ecosystem.Cli;
using Ecosystem.Runner;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>Runs one engine case the way the command line runs a scenario (a fresh <see cref="EmbeddedCluster"/>, the
/// scenario runner writing its files tick by tick) and measures time and memory around it.</summary>
public static class EngineMeasurement
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="engineCase"/> once.</summary>
    public static async Task<EngineRun> RunAsync(EngineCase engineCase, CancellationToken cancellationToken)
    {
        var scenario = EngineScenario.Build(engineCase);
        var folder = Directory.CreateTempSubdirectory("ecosystem-bench-");
        try
        {
            await using var silo = await EmbeddedCluster.StartAsync(cancellationToken);
            var baseline = MemorySnapshot.Live();
            var last = engineCase.Ticks - 1;
            var clock = new TickClock(tick => tick == 0 || tick == last);
            var sampler = MemorySampler.Start(SampleInterval);
            using var spans = TickSpans.Listen();
            RunResult result;
            try
            {
                clock.Start();
                result = await new ScenarioRunner(silo.Client).RunAsync(scenario, Path.Combine(folder.FullName, "run"), clock, cancellationToken);
            }
            finally
            {
                sampler.Dispose();
            }

            return new EngineRun(
                engineCase, Ticks(clock, spans, result.Metrics), baseline, clock.Snapshots[0], clock.Snapshots[last], sampler.PeakManagedHeapBytes, sampler.PeakWorkingSetBytes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<TickFigures> Ticks(TickClock clock, TickSpans spans, IReadOnlyList<MetricRow> metrics)
    {
        double ValueAt(int tick, string vendor, string metric) => metrics
            .Where(r => r.Tick == tick && r.Replicate == 0 && r.Vendor == vendor && r.Metric == metric)
            .Select(r => r.Value)
            .DefaultIfEmpty(0)
            .Single();

        var ticks = new List<TickFigures>(clock.Seconds.Count);
        for (var tick = 0; tick < clock.Seconds.Count; tick++)
        {
            var published = clock.CumulativePublished[tick] - (tick == 0 ? 0 : clock.CumulativePublished[tick - 1]);
            ticks.Add(new TickFigures(
                tick,
                clock.Seconds[tick],
                published,
                (long)ValueAt(tick, EngineScenario.Vendor, MetricNames.TrainingDocuments),
                (long)ValueAt(tick, "", MetricNames.DocumentsTotal),
                EngineMetrics.Spans.ToDictionary(s => s.Span, s => spans.SecondsOf(tick, s.Span))));
        }

        return ticks;
    }
}
