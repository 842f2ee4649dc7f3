using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Tests;

/// <summary>Writes the files a sweep leaves in its folder (sweep.json, and per run run.json and metrics.csv) in a fresh
/// temporary folder, so the folder reader is tested on the layout the sweep runner writes.</summary>
internal sealed class SweepFolderFiles : IDisposable
{
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public SweepFolderFiles(SweepPlan plan)
    {
        Plan = plan;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, SweepFiles.Runs));
        Manifest = SweepManifest.Starting(plan, "test");
        Manifest.Write(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecosystem-sweep-" + Guid.NewGuid().ToString("N"));

    public SweepPlan Plan { get; }

    public SweepManifest Manifest { get; }

    /// <summary>Writes run <paramref name="index"/>'s metrics.csv (and <paramref name="tail"/> after its rows, as a
    /// line cut short would be), then its run.json with <paramref name="status"/>.</summary>
    public void WriteRun(int index, IReadOnlyList<MetricRow> rows, RunStatusKind status, string tail = "")
    {
        var run = Plan.Runs[index];
        var folder = System.IO.Path.Combine(Path, SweepFiles.Runs, run.FolderName);
        Directory.CreateDirectory(folder);
        using (var writer = new StreamWriter(System.IO.Path.Combine(folder, RunFiles.Metrics)))
        {
            MetricsCsv.Write(writer, rows);
            writer.Write(tail);
        }

        var manifest = new RunManifest
        {
            RunId = run.FolderName,
            Scenario = run.Scenario.Name,
            Seed = run.Seed,
            Version = "test",
            Status = status,
            CompletedTicks = rows.Count == 0 ? 0 : rows.Max(r => r.Tick) + 1,
            TotalTicks = run.Scenario.Ticks,
            StartedAt = DateTimeOffset.UtcNow,
            FinishedAt = status == RunStatusKind.Running ? null : DateTimeOffset.UtcNow,
            ResolvedScenario = JsonNode.Parse(ScenarioJson.Serialize(run.Scenario))!,
        };
        File.WriteAllText(System.IO.Path.Combine(folder, RunFiles.Manifest), JsonSerializer.Serialize(manifest, ManifestJson));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
