namespace Ecosystem.Metrics;

/// <summary>One measured number in long format: which tick, replicate, vendor and generation it belongs to,
/// which metric (see <see cref="MetricNames"/>), an optional label (a genre, a histogram bin, n) and the value.</summary>
/// <param name="Tick">Simulated tick.</param>
/// <param name="Replicate">Replicate (seed) index.</param>
/// <param name="Vendor">Vendor name, or empty for corpus-wide metrics.</param>
/// <param name="Generation">Model generation as text, or empty when not applicable.</param>
/// <param name="Metric">Metric name from <see cref="MetricNames"/>.</param>
/// <param name="Label">Sub-key within the metric, or empty.</param>
/// <param name="Value">The value; NaN and infinities are allowed.</param>
public sealed record MetricRow(int Tick, int Replicate, string Vendor, string Generation, string Metric, string Label, double Value);
