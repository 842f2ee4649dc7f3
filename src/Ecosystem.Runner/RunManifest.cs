using System.Text.Json.Nodes;

namespace Ecosystem.Runner;

/// <summary>The content of run.json: what ran (the resolved scenario, seed, version), and how far it got.</summary>
public sealed record RunManifest
{
    /// <summary>Identifier of the run.</summary>
    public required string RunId { get; init; }

    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Seed actually used.</summary>
    public required long Seed { get; init; }

    /// <summary>Version of the simulator that produced the results.</summary>
    public required string Version { get; init; }

    /// <summary>Running, completed, failed or cancelled.</summary>
    public required RunStatusKind Status { get; init; }

    /// <summary>Ticks whose rows are in metrics.csv.</summary>
    public required int CompletedTicks { get; init; }

    /// <summary>Ticks planned.</summary>
    public required int TotalTicks { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC), if it has.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the run failed, if it did.</summary>
    public string? Error { get; init; }

    /// <summary>The resolved scenario, every default written out.</summary>
    public required JsonNode ResolvedScenario { get; init; }

    /// <summary>For a fork, the run it branches off and the fork tick; null otherwise.</summary>
    public RunFork? Fork { get; init; }

    /// <summary>Files of the run, relative to its folder.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
