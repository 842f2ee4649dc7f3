using Ecosystem.Abstractions.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Runs;

/// <summary>A run started by this dashboard: its controls (pause gate, stop) and every row it has written so far,
/// so that a page opened mid-run gets the history.</summary>
public sealed class LiveRun
{
    private readonly Lock _lock = new();
    private readonly List<MetricRow> _rows = [];
    private int _completedTicks;
    private RunState? _final;
    private string? _error;
    private DateTimeOffset? _finishedAt;

    /// <summary>Creates the record of a run about to start in <paramref name="directory"/>.</summary>
    public LiveRun(string id, string directory, string scenario, long seed, int totalTicks, RunFork? fork)
    {
        Id = id;
        Directory = directory;
        Scenario = scenario;
        Seed = seed;
        TotalTicks = totalTicks;
        Fork = fork;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The run's id (its folder name).</summary>
    public string Id { get; }

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    /// <summary>Scenario name.</summary>
    public string Scenario { get; }

    /// <summary>Seed.</summary>
    public long Seed { get; }

    /// <summary>Ticks planned.</summary>
    public int TotalTicks { get; }

    /// <summary>For a fork, where it branches off.</summary>
    public RunFork? Fork { get; }

    /// <summary>When the dashboard started it (UTC).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Holds the run between ticks while paused.</summary>
    public RunPauseGate Gate { get; } = new();

    /// <summary>Cancelled to stop the run.</summary>
    public CancellationTokenSource Stop { get; } = new();

    /// <summary>Records the rows of a completed tick.</summary>
    public void AppendTick(int completedTicks, IReadOnlyList<MetricRow> rows)
    {
        lock (_lock)
        {
            _rows.AddRange(rows);
            _completedTicks = completedTicks;
        }
    }

    /// <summary>Records how the run ended.</summary>
    public void Finish(RunState state, string? error)
    {
        lock (_lock)
        {
            _final = state;
            _error = error;
            _finishedAt = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>The run as the list shows it now.</summary>
    public RunSummary Summary()
    {
        lock (_lock)
        {
            return SummaryLocked();
        }
    }

    /// <summary>The summary and a copy of every row so far, taken together.</summary>
    public (RunSummary Run, IReadOnlyList<MetricRow> Rows) Snapshot()
    {
        lock (_lock)
        {
            return (SummaryLocked(), _rows.ToArray());
        }
    }

    private RunSummary SummaryLocked()
    {
        var state = _final ?? (Stop.IsCancellationRequested ? RunState.Stopping
            : Gate.IsHolding ? RunState.Paused
            : Gate.IsPaused ? RunState.Pausing
            : RunState.Running);
        return new RunSummary(Id, Scenario, Seed, state, _completedTicks, TotalTicks, StartedAt, _finishedAt, _error,
            Controllable: true, Fork is null ? null : Path.GetFileName(Fork.ParentDirectory), Fork?.Tick);
    }
}
