namespace Ecosystem.Telemetry;

/// <summary>Where a host's telemetry goes, bound from the "Telemetry" configuration section (appsettings.json,
/// Telemetry__* environment variables, command-line options).</summary>
public sealed class TelemetrySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>Port of the Prometheus scrape endpoint (<c>/metrics</c>); null serves none.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>Host name the scrape endpoint binds to: <c>localhost</c> (the default) serves this machine only,
    /// <c>*</c> or <c>+</c> every interface.</summary>
    public string MetricsHost { get; set; } = "localhost";

    /// <summary>OTLP collector address; when null, the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable decides,
    /// and when that is unset too nothing is exported over OTLP.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP protocol for <see cref="OtlpEndpoint"/>: <c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Whether spans are collected: turned on by <see cref="TelemetryHostingExtensions.AddEcosystemTelemetry"/>
    /// when OTLP is on, or set for a listener of the host's own. A silo carries trace context through grain calls only
    /// then, because Orleans' propagation filters cost every call.</summary>
    public bool CollectsTraces { get; set; }
}
