using System.Diagnostics;
using Ecosystem.Runner;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>Times each tick of a run as the scenario runner reports it, and takes a live-memory snapshot after chosen
/// ticks. The runner reports synchronously between ticks, so the time spent measuring is left out of the tick times.</summary>
public sealed class TickClock(Func<int, bool> snapshotAfter) : IProgress<RunProgress>
{
    private readonly Stopwatch _clock = new();
    private readonly List<double> _seconds = [];
    private readonly List<long> _published = [];
    private readonly Dictionary<int, MemorySnapshot> _snapshots = [];
    private TimeSpan _measuredUntil;

    /// <summary>Wall seconds of each tick; the first includes starting the run (loading its context on the silo).</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Documents published by the end of each tick (cumulative, as the runner reports them).</summary>
    public IReadOnlyList<long> CumulativePublished => _published;

    /// <summary>Live-memory snapshots by tick.</summary>
    public IReadOnlyDictionary<int, MemorySnapshot> Snapshots => _snapshots;

    /// <summary>Starts the clock; call it just before starting the run.</summary>
    public void Start()
    {
        _measuredUntil = TimeSpan.Zero;
        _clock.Restart();
    }

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
        _seconds.Add((_clock.Elapsed - _measuredUntil).TotalSeconds);
        _published.Add(value.DocumentsPublished);
        var tick = value.CompletedTicks - 1;
        if (snapshotAfter(tick))
        {
            _snapshots[tick] = MemorySnapshot.Live();
        }

        _measuredUntil = _clock.Elapsed;
    }
}
