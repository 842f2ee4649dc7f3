namespace Ecosystem.Dashboard.Runs;

/// <summary>Where a run stands, as the dashboard shows it.</summary>
public enum RunState
{
    /// <summary>Ticks are being computed.</summary>
    Running,

    /// <summary>A pause was asked for; the tick in progress is finishing.</summary>
    Pausing,

    /// <summary>Held between ticks until resumed.</summary>
    Paused,

    /// <summary>A stop was asked for; the run is ending.</summary>
    Stopping,

    /// <summary>Every tick was written.</summary>
    Completed,

    /// <summary>The run stopped on an error.</summary>
    Failed,

    /// <summary>The run was stopped before its last tick.</summary>
    Cancelled,
}
