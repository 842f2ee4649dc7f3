using Ecosystem.Abstractions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ecosystem.Telemetry;

/// <summary>Telemetry for every Ecosystem host, configured in this one place: the simulation's gauges and spans plus
/// Orleans' own meter and activity sources, served to Prometheus and, when configured, sent over OTLP.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Distinct series each simulation gauge may hold over the life of a process (the SDK never frees a
    /// cumulative series and preallocates about 100 bytes per slot). A run adds at most labels x vendors x replicates
    /// series per gauge (e.g. 15 genres x 3 vendors x 5 worlds = 225), so a process serves dozens of runs; past the
    /// limit new series are folded into one overflow series (attribute <c>otel.metric.overflow</c>): restart the silo.</summary>
    public const int SimulationCardinalityLimit = 5_000;

    /// <summary>Adds OpenTelemetry to <paramref name="builder"/> as the "Telemetry" section says, after
    /// <paramref name="configure"/> has applied command-line overrides. With neither a metrics port nor an OTLP
    /// endpoint nothing is added, so a plain run pays nothing.</summary>
    /// <returns>The settings in force.</returns>
    public static TelemetrySettings AddEcosystemTelemetry(this IHostApplicationBuilder builder, string serviceName, Action<TelemetrySettings>? configure = null)
    {
        var settings = builder.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        configure?.Invoke(settings);
        if (settings.MetricsPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), settings.MetricsPort, "Telemetry:MetricsPort must be 1..65535.");
        }

        var otlp = settings.OtlpEndpoint is { Length: > 0 } || builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        if (settings.MetricsPort is null && !otlp)
        {
            return settings;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meter, TelemetryNames.OrleansMeter)
                    .AddView(instrument => instrument.Meter.Name == TelemetryNames.Meter
                        ? new MetricStreamConfiguration { CardinalityLimit = SimulationCardinalityLimit }
                        : null);
                if (settings.MetricsPort is { } port)
                {
                    metrics.AddPrometheusHttpListener(options =>
                    {
                        options.Host = settings.MetricsHost;
                        options.Port = port;
                    });
                }
            });

        if (otlp)
        {
            settings.CollectsTraces = true;
            // Spans and logs have no other destination, so they are collected only when OTLP is on.
            telemetry.WithTracing(tracing => tracing
                .AddSource(TelemetryNames.ActivitySource)
                .AddSource([.. TelemetryNames.OrleansActivitySources]));
            builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
            if (settings.OtlpEndpoint is { Length: > 0 } endpoint)
            {
                telemetry.UseOtlpExporter(Protocol(settings.OtlpProtocol), new Uri(endpoint));
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        return settings;
    }

    private static OtlpExportProtocol Protocol(string name) => name switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new ArgumentException($"Telemetry:OtlpProtocol: found '{name}'; must be \"grpc\" or \"http/protobuf\".", nameof(name)),
    };
}
