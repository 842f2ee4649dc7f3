using System.Diagnostics.Metrics;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Grains.Telemetry;

/// <summary>The simulation's meter on one silo: an observable gauge per metric that reports the latest value of every
/// series (run, replicate, vendor, label; generation as of that value) of the runs whose clock lives on this silo.</summary>
/// <remarks>Gauges, because every row is a level measured at the end of a tick (a share, a count so far, a distance),
/// not an increment: summing it (counter) or bucketing it (histogram) would misstate it, and the latest value per
/// attribute set is exactly what the CSV's last tick holds. Observable, because the values only change once a tick and
/// a scrape reads them then; and a run's series can be dropped, which a synchronous gauge cannot do. Only the clock
/// grain records, and a run has one clock activation, so each series is exported by exactly one silo.
/// A vendor's series follows its current generation: when a new generation reports, the old generation's series ends
/// (Prometheus keeps its history), so the series of a run stay bounded however many generations it trains.</remarks>
public sealed class SimulationMeter : IDisposable
{
    /// <summary>Runs whose series are kept; the oldest run is dropped when one more starts.</summary>
    public const int RetainedRuns = 16;

    private readonly Meter _meter = new(TelemetryNames.Meter);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ObservableGauge<double>> _gauges = new(StringComparer.Ordinal);
    private readonly List<RunSeries> _runs = [];

    /// <summary>Creates the meter with a gauge for every declared metric.</summary>
    public SimulationMeter()
    {
        foreach (var instrument in MetricInstruments.All)
        {
            AddGauge(instrument);
        }

        _meter.CreateObservableGauge(
            MetricInstruments.CompletedTicks.Name, ObserveTicks, MetricInstruments.CompletedTicks.Unit, MetricInstruments.CompletedTicks.Description);
    }

    /// <summary>Records a completed tick's rows of <paramref name="runId"/>: each row replaces its series' value.</summary>
    public void Record(string runId, string scenario, int tick, IEnumerable<MetricRow> rows)
    {
        lock (_gate)
        {
            var run = _runs.Find(r => r.RunId == runId);
            if (run is null)
            {
                if (_runs.Count == RetainedRuns)
                {
                    _runs.RemoveAt(0);
                }

                run = new RunSeries(runId, scenario);
                _runs.Add(run);
            }

            run.CompletedTicks = tick + 1;
            foreach (var row in rows)
            {
                var instrument = MetricInstruments.For(row.Metric);
                if (!_gauges.ContainsKey(row.Metric))
                {
                    AddGauge(instrument);
                }

                run.Set(instrument, row);
            }
        }
    }

    /// <summary>Drops the series of <paramref name="runId"/>.</summary>
    public void Forget(string runId)
    {
        lock (_gate)
        {
            _runs.RemoveAll(r => r.RunId == runId);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void AddGauge(MetricInstrument instrument) =>
        _gauges[instrument.Metric] = _meter.CreateObservableGauge(
            instrument.Name, () => Observe(instrument.Metric), instrument.Unit, instrument.Description);

    private List<Measurement<double>> Observe(string metric)
    {
        lock (_gate)
        {
            var measurements = new List<Measurement<double>>();
            foreach (var run in _runs)
            {
                run.AddMeasurements(metric, measurements);
            }

            return measurements;
        }
    }

    private List<Measurement<double>> ObserveTicks()
    {
        lock (_gate)
        {
            return _runs.Select(r => new Measurement<double>(r.CompletedTicks, r.RunTags)).ToList();
        }
    }

    /// <summary>The latest value of every series of one run, by metric.</summary>
    private sealed class RunSeries(string runId, string scenario)
    {
        private readonly Dictionary<string, Dictionary<(int Replicate, string Vendor, string Label), Series>> _byMetric =
            new(StringComparer.Ordinal);

        public string RunId { get; } = runId;

        public KeyValuePair<string, object?>[] RunTags { get; } = [new(TelemetryAttributes.RunId, runId), new(TelemetryAttributes.Scenario, scenario)];

        public int CompletedTicks { get; set; }

        public void Set(MetricInstrument instrument, MetricRow row)
        {
            if (!_byMetric.TryGetValue(row.Metric, out var series))
            {
                series = [];
                _byMetric[row.Metric] = series;
            }

            var key = (row.Replicate, row.Vendor, row.Label);
            if (series.TryGetValue(key, out var existing) && existing.Generation == row.Generation)
            {
                existing.Value = row.Value;
            }
            else
            {
                series[key] = new Series(Tags(instrument, row), row.Generation, row.Value);
            }
        }

        public void AddMeasurements(string metric, List<Measurement<double>> measurements)
        {
            if (_byMetric.TryGetValue(metric, out var series))
            {
                measurements.AddRange(series.Values.Select(s => new Measurement<double>(s.Value, s.Tags)));
            }
        }

        private KeyValuePair<string, object?>[] Tags(MetricInstrument instrument, MetricRow row)
        {
            var tags = new List<KeyValuePair<string, object?>>(RunTags) { new(TelemetryAttributes.Replicate, row.Replicate) };
            if (row.Vendor.Length > 0)
            {
                tags.Add(new(TelemetryAttributes.Vendor, row.Vendor));
            }

            if (row.Generation.Length > 0)
            {
                tags.Add(new(TelemetryAttributes.Generation, row.Generation));
            }

            if (row.Label.Length > 0)
            {
                tags.Add(new(instrument.LabelAttribute, row.Label));
            }

            return [.. tags];
        }
    }

    /// <summary>One series: its attributes, the generation they name, and the latest value.</summary>
    private sealed class Series(KeyValuePair<string, object?>[] tags, string generation, double value)
    {
        public KeyValuePair<string, object?>[] Tags { get; } = tags;

        public string Generation { get; } = generation;

        public double Value { get; set; } = value;
    }
}
