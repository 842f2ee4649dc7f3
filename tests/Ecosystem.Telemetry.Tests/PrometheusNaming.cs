using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>How the Prometheus exporter names an instrument and an attribute: dots become underscores and a unit that
/// is a real UCUM unit (not "1", not a {count} annotation) is appended, e.g. <c>ecosystem.text.token_entropy</c> in bit
/// becomes <c>ecosystem_text_token_entropy_bit</c>; a rate per second ({token}/s) appends <c>_per_second</c>.</summary>
internal static class PrometheusNaming
{
    public static string Metric(MetricInstrument instrument) => Label(instrument.Name) + instrument.Unit switch
    {
        "1" => "",
        var unit when unit.EndsWith("}/s", StringComparison.Ordinal) => "_per_second",
        var unit when unit.StartsWith('{') => "",
        var unit => "_" + unit,
    };

    public static string Label(string attribute) => attribute.Replace('.', '_');
}
