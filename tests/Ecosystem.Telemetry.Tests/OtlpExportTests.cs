using Ecosystem.Grains.Hosting;
using Ecosystem.Grains.Telemetry;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecosystem.Telemetry.Tests;

/// <summary>With an OTLP endpoint configured, a silo configured by <see cref="TelemetryHostingExtensions"/> sends the
/// simulation's metrics, its spans and its logs there; without one, and without a metrics port, it adds nothing.</summary>
public class OtlpExportTests
{
    [Fact]
    public async Task A_silo_with_an_otlp_endpoint_exports_metrics_spans_and_logs_of_a_run()
    {
        using var receiver = new OtlpReceiver();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = receiver.Endpoint,
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        var settings = builder.AddEcosystemTelemetry("ecosystem-test");
        Assert.True(settings.CollectsTraces);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next()).AddEcosystemSimulation(propagateTraces: settings.CollectsTraces));
        using var host = builder.Build();
        await host.StartAsync();
        using var folder = new TempDirectory();
        try
        {
            Assert.Equal(receiver.Endpoint, settings.OtlpEndpoint);
            var scenario = ScenarioLoader.Parse("""
                {
                  "name": "otlp", "seed": 1, "ticks": 2, "shards": 1, "data": { "kind": "gaussian" },
                  "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": 20 },
                  "vendors": [ { "name": "refit", "model": { "family": "gaussian" }, "training": { "sources": "self" },
                                 "deployment": { "documentsPerTick": 1, "documentLength": 20 } } ]
                }
                """, "otlp test");
            var result = await new ScenarioRunner(host.Services.GetRequiredService<IClusterClient>()).RunAsync(scenario, Path.Combine(folder.Path, "run"));
            var runId = result.Manifest.RunId;

            var timeout = TimeSpan.FromSeconds(20);
            await receiver.WaitForAsync("/v1/metrics", timeout, "ecosystem.corpus.synthetic_share", "ecosystem.model.wasserstein_2", runId);
            await receiver.WaitForAsync("/v1/metrics", timeout, "orleans-");
            await receiver.WaitForAsync("/v1/traces", timeout, SimulationTracing.PhaseName(Abstractions.Corpus.TickPhase.VendorsTrain), SimulationTracing.Scrape, runId);
            await receiver.WaitForAsync("/v1/logs", timeout, runId);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Without_a_metrics_port_or_an_otlp_endpoint_nothing_is_registered()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var before = builder.Services.Count;

        var settings = builder.AddEcosystemTelemetry("ecosystem-test");

        Assert.Null(settings.MetricsPort);
        Assert.False(settings.CollectsTraces);
        Assert.Equal(before, builder.Services.Count);
    }

    [Fact]
    public void A_metrics_port_outside_the_tcp_range_is_refused()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddEcosystemTelemetry("ecosystem-test", t => t.MetricsPort = 70_000));
        Assert.Contains("MetricsPort", error.Message);
    }
}
