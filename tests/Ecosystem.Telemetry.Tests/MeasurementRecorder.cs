using System.Diagnostics.Metrics;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>Observes the simulation meter's gauges the way an exporter does (a <see cref="MeterListener"/> polling the
/// observable instruments) and keeps the measurements of one run.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<RecordedMeasurement> _measurements = [];
    private readonly string _runId;

    public MeasurementRecorder(string runId)
    {
        _runId = runId;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var attributes = tags.ToArray().ToDictionary(t => t.Key, t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)!);
            if (attributes.GetValueOrDefault(TelemetryAttributes.RunId) == _runId)
            {
                _measurements.Add(new RecordedMeasurement(instrument.Name, instrument.Unit, attributes, value));
            }
        });
        _listener.Start();
    }

    /// <summary>One collection: every gauge's callback runs once.</summary>
    public IReadOnlyList<RecordedMeasurement> Collect()
    {
        _measurements.Clear();
        _listener.RecordObservableInstruments();
        return [.. _measurements];
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>A value a gauge reported, with its instrument and attributes.</summary>
internal sealed record RecordedMeasurement(string Instrument, string? Unit, IReadOnlyDictionary<string, string> Attributes, double Value);
