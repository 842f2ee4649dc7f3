using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Grains.Measurement;

/// <summary>Collects metric rows that share a tick, world, vendor and generation.</summary>
public sealed class RowSink(int tick, int replicate, string vendor, string generation)
{
    /// <summary>The rows collected, in the order they were added.</summary>
    public List<MetricRow> Rows { get; } = [];

    /// <summary>Adds one row.</summary>
    public void Add(string metric, double value, string label = "") =>
        Rows.Add(new MetricRow(tick, replicate, vendor, generation, metric, label, value));
}
