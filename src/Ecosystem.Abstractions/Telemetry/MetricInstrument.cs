namespace Ecosystem.Abstractions.Telemetry;

/// <summary>How one metric of the CSV is exported to OpenTelemetry: instrument name, UCUM unit, description, and the
/// attribute that carries the row's label.</summary>
/// <param name="Metric">The metric name in the CSV (see <see cref="Metrics.MetricNames"/>).</param>
/// <param name="Name">The instrument name: lowercase, dot-namespaced under <c>ecosystem.</c>.</param>
/// <param name="Unit">UCUM unit: <c>1</c> for dimensionless values, <c>bit</c>, a count annotation like <c>{document}</c>,
/// or a rate like <c>{token}/s</c>.</param>
/// <param name="Description">What the value is.</param>
/// <param name="LabelAttribute">Attribute key for the row's label (see <see cref="TelemetryAttributes"/>).</param>
public sealed record MetricInstrument(string Metric, string Name, string Unit, string Description, string LabelAttribute);
