using System.Globalization;
using System.Text.Json;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Telemetry;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace Ecosystem.Telemetry.Tests;

/// <summary>A real Prometheus scrapes two real silo host processes while a run goes on; its query API must return every
/// series of the run once, with the values of the run's last tick in metrics.csv.</summary>
public class PrometheusScrapeTests(ITestOutputHelper output)
{
    private const string ScenarioJson = """
        {
          "name": "telemetry-scrape", "seed": 5, "ticks": 3, "replicates": 2,
          "data": { "kind": "text", "text": { "documentTokens": 64, "maxDocuments": 300 } },
          "humans": { "authors": 20, "documentsPerTick": 40 },
          "vendors": [
            { "name": "acme", "deployment": { "documentsPerTick": 60 } },
            { "name": "zen", "training": { "policy": "accumulate" }, "deployment": { "documentsPerTick": 30 } }
          ],
          "metrics": { "heldOutDocuments": 40 }
        }
        """;

    /// <summary>Labels Prometheus and the exporter add that say where a sample came from, not what it is.</summary>
    private static readonly HashSet<string> OriginLabels = ["instance", "job", "otel_scope_name", "otel_scope_version"];

    [Fact]
    public async Task Prometheus_returns_each_series_of_a_run_once_with_the_last_tick_values_of_metrics_csv()
    {
        var started = DateTimeOffset.UtcNow;
        using var primary = await SiloHostProcess.StartAsync();
        var secondaryStart = SiloHostProcess.StartAsync(primary.SiloPort);
        var prometheusStart = PrometheusServer.StartAsync([primary.MetricsTarget], TimeSpan.FromMilliseconds(500));
        using var secondary = await secondaryStart;
        using var prometheus = await ReplaceTargetsAsync(prometheusStart, primary, secondary);
        using var folder = new TempDirectory();
        output.WriteLine($"silos and Prometheus up after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s");

        var result = await RunOnClusterAsync([primary.GatewayPort, secondary.GatewayPort], Path.Combine(folder.Path, "run"));
        var finished = DateTimeOffset.UtcNow;
        output.WriteLine($"run finished after {(finished - started).TotalSeconds:F1} s");

        // The exporter caches a scrape response for 300 ms; a scrape starting a second later sees the final tick.
        await prometheus.WaitForScrapesAfterAsync(finished.AddSeconds(1), targets: 2, TimeSpan.FromSeconds(15));
        var runId = result.Manifest.RunId;
        var series = await prometheus.QueryAsync($"{{__name__=~\"ecosystem_.+\", {PrometheusNaming.Label(TelemetryAttributes.RunId)}=\"{runId}\"}}");
        output.WriteLine($"{series.Count} series scraped after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s");

        var rows = MetricsCsv.Read(Path.Combine(result.OutputDirectory, RunFiles.Metrics));
        Assert.All(rows.Select(r => r.Metric).Distinct(), m => Assert.True(MetricInstruments.IsDeclared(m), $"'{m}' has no declared instrument"));
        var expected = ExpectedSeries(rows, runId, result.Manifest.Scenario);
        var actual = series.Select(s => (Key: Key(s.GetProperty("metric")), Value: Value(s))).ToList();

        // Each series once: the run's clock grain lives on one silo, and only that silo exports the run.
        var duplicated = actual.GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, "exported by more than one silo: " + string.Join("\n", duplicated));
        Assert.Single(series.Select(s => s.GetProperty("metric").GetProperty("instance").GetString()).Distinct());

        var ticksKey = $"{PrometheusNaming.Metric(MetricInstruments.CompletedTicks)}|{RunLabels(runId, result.Manifest.Scenario)}";
        Assert.Equal(3.0, Assert.Single(actual, s => s.Key == ticksKey).Value);
        var missing = expected.Keys.Except(actual.Select(s => s.Key)).ToList();
        var unexpected = actual.Select(s => s.Key).Where(k => k != ticksKey).Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0, "not in Prometheus:\n" + string.Join("\n", missing));
        Assert.True(unexpected.Count == 0, "not in metrics.csv:\n" + string.Join("\n", unexpected));

        // Both sides print doubles in round-trip form; 1e-12 relative only absorbs a last-digit difference in printing.
        foreach (var (key, value) in actual.Where(s => s.Key != ticksKey))
        {
            var want = expected[key];
            Assert.True(double.IsNaN(want) ? double.IsNaN(value) : Math.Abs(value - want) <= 1e-12 * Math.Max(1, Math.Abs(want)),
                $"{key}: Prometheus {value.ToString("R", CultureInfo.InvariantCulture)}, metrics.csv {want.ToString("R", CultureInfo.InvariantCulture)}");
        }

        Assert.Contains(expected.Keys, k => k.Contains(PrometheusNaming.Label(TelemetryAttributes.Genre) + "=", StringComparison.Ordinal));
        Assert.Contains(expected.Keys, k => k.Contains(PrometheusNaming.Label(TelemetryAttributes.Generation) + "=2", StringComparison.Ordinal));
        Assert.Contains(expected.Keys, k => k.Contains(PrometheusNaming.Label(TelemetryAttributes.Replicate) + "=1", StringComparison.Ordinal));

        // Orleans' own meter is exported by both silos.
        var orleans = await prometheus.QueryAsync("count by (instance) ({__name__=~\"orleans_.+\"})");
        Assert.Equal(2, orleans.Count);
    }

    /// <summary>Prometheus was started before the second silo's port was known; restart it with both targets.</summary>
    private static async Task<PrometheusServer> ReplaceTargetsAsync(Task<PrometheusServer> first, SiloHostProcess primary, SiloHostProcess secondary)
    {
        (await first).Dispose();
        return await PrometheusServer.StartAsync([primary.MetricsTarget, secondary.MetricsTarget], TimeSpan.FromMilliseconds(500));
    }

    private static async Task<RunResult> RunOnClusterAsync(int[] gatewayPorts, string outputDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPorts, "ecosystem", "ecosystem")
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5)));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var scenario = ScenarioLoader.Parse(ScenarioJson, "telemetry test");
            return await new ScenarioRunner(host.Services.GetRequiredService<IClusterClient>()).RunAsync(scenario, outputDirectory);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The series a run must leave in Prometheus, keyed as <see cref="Key"/> keys a scraped series: per metric,
    /// replicate, vendor and label, the last row written (a newer tick, maybe of a newer generation, replaces older ones).</summary>
    private static Dictionary<string, double> ExpectedSeries(IEnumerable<MetricRow> rows, string runId, string scenario)
    {
        var latest = new Dictionary<(string Metric, int Replicate, string Vendor, string Label), MetricRow>();
        foreach (var row in rows.OrderBy(r => r.Tick))
        {
            latest[(row.Metric, row.Replicate, row.Vendor, row.Label)] = row;
        }

        return latest.Values.ToDictionary(row =>
        {
            var instrument = MetricInstruments.For(row.Metric);
            var labels = new List<string> { RunLabels(runId, scenario), $"{PrometheusNaming.Label(TelemetryAttributes.Replicate)}={row.Replicate}" };
            if (row.Vendor.Length > 0)
            {
                labels.Add($"{PrometheusNaming.Label(TelemetryAttributes.Vendor)}={row.Vendor}");
            }

            if (row.Generation.Length > 0)
            {
                labels.Add($"{PrometheusNaming.Label(TelemetryAttributes.Generation)}={row.Generation}");
            }

            if (row.Label.Length > 0)
            {
                labels.Add($"{PrometheusNaming.Label(instrument.LabelAttribute)}={row.Label}");
            }

            return $"{PrometheusNaming.Metric(instrument)}|{string.Join("|", labels.SelectMany(l => l.Split('|')).Order(StringComparer.Ordinal))}";
        }, row => row.Value, StringComparer.Ordinal);
    }

    private static string RunLabels(string runId, string scenario) =>
        $"{PrometheusNaming.Label(TelemetryAttributes.RunId)}={runId}|{PrometheusNaming.Label(TelemetryAttributes.Scenario)}={scenario}";

    private static string Key(JsonElement metric)
    {
        var labels = metric.EnumerateObject()
            .Where(p => p.Name != "__name__" && !OriginLabels.Contains(p.Name))
            .Select(p => $"{p.Name}={p.Value.GetString()}")
            .Order(StringComparer.Ordinal);
        return $"{metric.GetProperty("__name__").GetString()}|{string.Join("|", labels)}";
    }

    private static double Value(JsonElement sample) => MetricsCsv.ParseValue(sample.GetProperty("value")[1].GetString()!);
}
