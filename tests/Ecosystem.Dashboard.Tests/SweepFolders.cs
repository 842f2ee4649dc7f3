using System.Globalization;
using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Tests;

/// <summary>Writes the folder of a small sweep as <c>ecosystem sweep</c> leaves it: sweep.json, and per run the usual
/// run.json and metrics.csv (through <see cref="RunOutput"/>). The sweep is the tiny Gaussian scenario with 1 and 2
/// documents a tick (axis "docs"), seeds 1 and 2.</summary>
internal static class SweepFolders
{
    /// <summary>The folder names of the sweep's runs, in plan order.</summary>
    public static readonly string[] Runs = ["p000_docs-1_seed1", "p000_docs-1_seed2", "p001_docs-2_seed1", "p001_docs-2_seed2"];

    /// <summary>Writes (or rewrites) <c>sweep.json</c> of a sweep in <paramref name="folder"/>.</summary>
    public static void WriteManifest(string folder, RunStatusKind status, int finishedRuns, DateTimeOffset startedAt, string name = "tiny-docs")
    {
        Directory.CreateDirectory(Path.Combine(folder, SweepFiles.Runs));
        new SweepManifest
        {
            Sweep = name,
            Version = "test",
            Status = status,
            TotalRuns = Runs.Length,
            FinishedRuns = finishedRuns,
            StartedAt = startedAt,
            FinishedAt = status == RunStatusKind.Running ? null : startedAt.AddMinutes(1),
            Definition = JsonNode.Parse($$"""
                { "name": "{{name}}", "description": "Does publishing more a tick make the corpus more synthetic?", "scenario": "tiny.json",
                  "seeds": { "first": 1, "count": 2 },
                  "parameters": [ { "name": "docs", "paths": ["/vendors/0/deployment/documentsPerTick"], "values": [1, 2], "labels": null } ],
                  "summary": { "tailGenres": null, "confidence": 0.95 }, "parallelRuns": null }
                """)!,
        }.Write(folder);
    }

    /// <summary>Writes run <paramref name="run"/> (an index into <see cref="Runs"/>) afresh, with three ticks whose corpus
    /// synthetic share climbs to <paramref name="finalShare"/>; a run left <see cref="RunStatusKind.Running"/> gets
    /// <paramref name="tail"/> after its rows, as a line still being written would.</summary>
    public static void WriteRun(string folder, int run, double finalShare, RunStatusKind status, string tail = "")
    {
        var directory = Path.Combine(folder, SweepFiles.Runs, Runs[run]);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var seed = 1 + (run % 2);
        var scenario = JsonNode.Parse(TestScenarios.Gaussian(3))!;
        scenario["seed"] = seed;
        scenario["vendors"]![0]!["deployment"]!["documentsPerTick"] = 1 + (run / 2);
        var manifest = new RunManifest
        {
            RunId = Runs[run],
            Scenario = "tiny",
            Seed = seed,
            Version = "test",
            Status = RunStatusKind.Running,
            CompletedTicks = 0,
            TotalTicks = 3,
            StartedAt = DateTimeOffset.UtcNow,
            ResolvedScenario = JsonNode.Parse(ScenarioJson.Serialize(ScenarioLoader.Parse(scenario.ToJsonString())))!,
        };
        using (var output = RunOutput.Create(directory, manifest))
        {
            for (var t = 0; t < 3; t++)
            {
                var share = finalShare * (t + 1) / 3;
                output.AppendTick(new TickReport(t,
                [
                    new MetricRow(t, 0, "", "", MetricNames.SyntheticShareDocuments, "", share),
                    new MetricRow(t, 0, "refit", t.ToString(CultureInfo.InvariantCulture), MetricNames.TrainingSyntheticShare, "", share),
                ], [], 0, 0));
            }

            if (status != RunStatusKind.Running)
            {
                output.Finish(status, null, []);
            }
        }

        File.AppendAllText(Path.Combine(directory, RunFiles.Metrics), tail);
    }
}
