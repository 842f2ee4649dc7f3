using System.Collections.Concurrent;
using System.Diagnostics;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Telemetry.Tests;

/// <summary>Samples and keeps every finished span of the simulation's and Orleans' activity sources, as a tracer
/// provider configured by <see cref="TelemetryHostingExtensions"/> would.</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.ActivitySource || TelemetryNames.OrleansActivitySources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public void Dispose() => _listener.Dispose();
}
