using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecosystem.Runner;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>sweep.json: what was swept, and how far it got; "completed" only once every table and the report are written.</summary>
public sealed record SweepManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The manifest of a sweep that starts now: running, no run finished, with the plan's definition.</summary>
    public static SweepManifest Starting(SweepPlan plan, string version) => new()
    {
        Sweep = plan.Spec.Name,
        Version = version,
        Status = RunStatusKind.Running,
        TotalRuns = plan.Runs.Count,
        FinishedRuns = 0,
        StartedAt = DateTimeOffset.UtcNow,
        Definition = JsonSerializer.SerializeToNode(plan.Spec, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!,
    };

    /// <summary>The sweep's name.</summary>
    public required string Sweep { get; init; }

    /// <summary>The simulator's version.</summary>
    public required string Version { get; init; }

    /// <summary>Running, completed, failed or cancelled.</summary>
    public required RunStatusKind Status { get; init; }

    /// <summary>Runs in the sweep.</summary>
    public required int TotalRuns { get; init; }

    /// <summary>Runs finished so far.</summary>
    public required int FinishedRuns { get; init; }

    /// <summary>When this attempt started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished; null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why it failed; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The sweep file as read.</summary>
    public required JsonNode Definition { get; init; }

    /// <summary>Writes the manifest atomically into <paramref name="directory"/>.</summary>
    public void Write(string directory)
    {
        var path = Path.Combine(directory, SweepFiles.Manifest);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the manifest of a sweep folder.</summary>
    public static SweepManifest Read(string directory) =>
        JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(Path.Combine(directory, SweepFiles.Manifest)), Json)
        ?? throw new InvalidDataException($"'{directory}' has an empty {SweepFiles.Manifest}.");
}
