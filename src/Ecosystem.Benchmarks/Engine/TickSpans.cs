using System.Collections.Concurrent;
using System.Diagnostics;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>Listens to the simulation's spans during a run and adds up, per tick, the wall time of each kind (a phase,
/// a scrape, a training run): where a tick's time goes.</summary>
/// <remarks>Spans exist only while someone listens, so the benchmark listens for the whole run, also in the ticks it
/// does not break down; creating a few dozen spans a tick costs microseconds.</remarks>
public sealed class TickSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<(int Tick, string Span), double> _seconds = new();

    private TickSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.ActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts listening.</summary>
    public static TickSpans Listen() => new();

    /// <summary>Wall seconds of the spans named <paramref name="span"/> during <paramref name="tick"/>, added up
    /// (0 when there were none).</summary>
    public double SecondsOf(int tick, string span) => _seconds.GetValueOrDefault((tick, span));

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.GetTagItem(TelemetryAttributes.Tick) is int tick)
        {
            _seconds.AddOrUpdate((tick, activity.OperationName), activity.Duration.TotalSeconds, (_, sum) => sum + activity.Duration.TotalSeconds);
        }
    }
}
