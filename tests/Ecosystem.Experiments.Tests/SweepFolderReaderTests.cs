using System.Text.Json;
using System.Text.Json.Serialization;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Summaries;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Runner;

namespace Ecosystem.Experiments.Tests;

public class SweepFolderReaderTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void A_sweep_in_progress_counts_its_completed_runs_only_and_never_reads_one_still_being_written()
    {
        using var folder = new SweepFolderFiles(SweepFiguresTests.Plan());
        folder.WriteRun(0, SweepRows.Climbing(0.2), RunStatusKind.Completed);
        folder.WriteRun(1, SweepRows.Climbing(0.4), RunStatusKind.Completed);

        // Seed 3 of point 0 is on its way: its last line is cut short, which would not parse; point 1's first run has
        // not written its run.json yet; point 2's first run failed.
        folder.WriteRun(2, SweepRows.Climbing(0.9, ticks: 2), RunStatusKind.Running, tail: "2,0,,,synthetic_sha");
        var started = Path.Combine(folder.Path, SweepFiles.Runs, folder.Plan.Runs[3].FolderName);
        Directory.CreateDirectory(started);
        File.WriteAllText(Path.Combine(started, RunFiles.Metrics), "not,a,metrics,file\n");
        folder.WriteRun(6, SweepRows.Climbing(0.7), RunStatusKind.Failed);

        var reader = new SweepFolderReader();
        var figures = reader.Read(folder.Path, folder.Manifest);

        Assert.Equal([2, 0, 0], figures.Points.Select(p => p.FinishedRuns));
        var share = figures.Interval("final_synthetic_share", SweepRows.Vendor, 0);
        Assert.Equal(2, share.Runs);
        Assert.Equal(0.3, share.Mean, 12);
        Assert.True(double.IsNaN(figures.Interval("final_synthetic_share", SweepRows.Vendor, 1).Mean));

        // The run finishes: its run.json says so, and the next read takes it in.
        folder.WriteRun(2, SweepRows.Climbing(0.9), RunStatusKind.Completed);
        var later = reader.Read(folder.Path, folder.Manifest);
        Assert.Equal([3, 0, 0], later.Points.Select(p => p.FinishedRuns));
        Assert.Equal(0.5, later.Interval("final_synthetic_share", SweepRows.Vendor, 0).Mean, 12);
    }

    [Fact]
    public void The_figures_read_from_a_finished_sweeps_folder_are_those_its_report_is_drawn_from()
    {
        var plan = SweepFiguresTests.Plan();
        using var folder = new SweepFolderFiles(plan);
        var rows = plan.Runs.Select((_, i) => SweepRows.Climbing(0.1 + (0.07 * i))).ToList();
        for (var i = 0; i < plan.Runs.Count; i++)
        {
            folder.WriteRun(i, rows[i], RunStatusKind.Completed);
        }

        var tail = plan.Spec.Summary.EffectiveTailGenres;
        var summaries = plan.Runs.SelectMany((run, i) => RunSummary.Of(run, rows[i], tail)).ToList();
        var result = new SweepResult(plan, folder.Path, [.. rows], summaries, PointAggregate.Of(summaries, plan.Spec.Summary.Confidence), Reused: 0);

        var read = new SweepFolderReader().Read(folder.Path, SweepManifest.Read(folder.Path));

        Assert.Equal(9, read.FinishedRuns);
        Assert.Equal(JsonSerializer.Serialize(SweepFigures.Of(result), Json), JsonSerializer.Serialize(read, Json));
    }

    [Fact]
    public void The_folder_names_are_those_the_sweep_runner_gives_its_runs()
    {
        var plan = SweepLoader.Parse("""
            { "name": "names", "scenario": "quickstart.json", "seeds": { "first": 4, "count": 2 },
              "parameters": [
                { "name": "keep", "paths": ["/vendors/*/training/keepHumanFraction"], "values": [0, 0.1], "labels": ["0%", "10%"] },
                { "name": "temperature", "paths": ["/vendors/0/decoding/temperature"], "values": [0.8, 1.0] }
              ] }
            """, Path.Combine(AppContext.BaseDirectory, "scenarios"));
        using var folder = new SweepFolderFiles(plan);

        var spec = SweepFolderReader.SpecOf(SweepManifest.Read(folder.Path));
        var points = SweepGrid.Points(spec.Parameters);

        Assert.Equal(plan.Runs.Select(r => r.FolderName), points.SelectMany(p => spec.Seeds.All.Select(s => PlannedRun.FolderNameOf(p, s))));
        Assert.Equal("p001_keep-0pct_temperature-1.0_seed4", plan.Runs[2].FolderName);
    }

    [Fact]
    public void A_manifest_without_a_sweep_definition_is_refused_with_the_file_named()
    {
        var manifest = new SweepManifest
        {
            Sweep = "x", Version = "test", Status = RunStatusKind.Running, TotalRuns = 0, FinishedRuns = 0, StartedAt = DateTimeOffset.UtcNow,
            Definition = System.Text.Json.Nodes.JsonNode.Parse("""{ "name": "x" }""")!,
        };

        var error = Assert.Throws<InvalidDataException>(() => SweepFolderReader.SpecOf(manifest));
        Assert.Contains(SweepFiles.Manifest, error.Message);
    }
}
