namespace Ecosystem.Runner;

/// <summary>The state recorded in run.json; only <see cref="Completed"/> marks results as whole.</summary>
public enum RunStatusKind
{
    /// <summary>Ticks are still being written.</summary>
    Running,

    /// <summary>Every tick was written.</summary>
    Completed,

    /// <summary>The run stopped on an error; the rows written are valid but the run is incomplete.</summary>
    Failed,

    /// <summary>The run was cancelled; the rows written are valid but the run is incomplete.</summary>
    Cancelled,
}
