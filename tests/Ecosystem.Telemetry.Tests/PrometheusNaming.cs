using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>How the Prometheus exporter names an instrument and an attribute: dots become underscores and a unit that
/// is a real UCUM unit (not "1", not a {count} annotation) is appended, e.g. <c>ecosystem.text.token_entropy</c> in bit
/// becomes <c>ecosystem_text_token_entropy_bit</c>.</summary>
internal static class PrometheusNaming
{
    public static string Metric(MetricInstrument instrument) =>
        Label(instrument.Name) + (instrument.Unit is "1" || instrument.Unit.StartsWith('{') ? "" : "_" + instrument.Unit);

    public static string Label(string attribute) => attribute.Replace('.', '_');
}
