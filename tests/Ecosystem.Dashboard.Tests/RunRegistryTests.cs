using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Tests;

public sealed class RunRegistryTests : IDisposable
{
    private readonly TempDirectory _runs = new();

    public void Dispose() => _runs.Dispose();

    [Fact]
    public void Finished_runs_are_listed_from_their_run_json_newest_first()
    {
        WriteFinishedRun("older", "quickstart", seed: 42, ticks: 2, RunStatusKind.Completed, DateTimeOffset.UtcNow.AddHours(-2));
        WriteFinishedRun("newer", "mad-loops", seed: 7, ticks: 1, RunStatusKind.Cancelled, DateTimeOffset.UtcNow.AddHours(-1), totalTicks: 5);

        var runs = new RunRegistry(_runs.Path).List();

        Assert.Equal(["newer", "older"], runs.Select(r => r.Id));
        var newer = runs[0];
        Assert.Equal(("mad-loops", 7L, RunState.Cancelled, 1, 5), (newer.Scenario, newer.Seed, newer.State, newer.CompletedTicks, newer.TotalTicks));
        Assert.False(newer.Controllable);
        Assert.Equal(RunState.Completed, runs[1].State);
    }

    [Fact]
    public void Folders_that_hold_no_readable_run_are_left_out()
    {
        WriteFinishedRun("good", "quickstart", 1, 1, RunStatusKind.Completed, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Path.Combine(_runs.Path, "no-manifest"));
        Directory.CreateDirectory(Path.Combine(_runs.Path, "corrupt"));
        File.WriteAllText(Path.Combine(_runs.Path, "corrupt", RunFiles.Manifest), "{ not json");
        WriteFinishedRun(".hidden", "quickstart", 1, 1, RunStatusKind.Completed, DateTimeOffset.UtcNow);

        var registry = new RunRegistry(_runs.Path);

        Assert.Equal(["good"], registry.List().Select(r => r.Id));
        Assert.Null(registry.Find("corrupt"));
        Assert.Null(registry.Find(".hidden"));
        Assert.Null(registry.Find("../good"));
    }

    [Fact]
    public void History_of_a_finished_run_comes_from_its_metrics_csv()
    {
        WriteFinishedRun("done", "quickstart", 3, ticks: 2, RunStatusKind.Completed, DateTimeOffset.UtcNow);

        var snapshot = new RunRegistry(_runs.Path).Snapshot("done");

        Assert.NotNull(snapshot);
        Assert.Equal(RowsOf(2), snapshot.Value.Rows);
        Assert.Null(new RunRegistry(_runs.Path).Snapshot("missing"));
    }

    [Fact]
    public void Runs_started_here_get_fresh_folders_and_are_listed_as_controllable()
    {
        var registry = new RunRegistry(_runs.Path);

        var first = registry.Add("tiny", 5, (id, dir) => new LiveRun(id, dir, "tiny", 5, 3, null));
        var second = registry.Add("tiny", 5, (id, dir) => new LiveRun(id, dir, "tiny", 5, 3, null));
        first.AppendTick(1, RowsOf(1));

        Assert.NotEqual(first.Id, second.Id);
        Assert.StartsWith("tiny-seed5-", first.Id, StringComparison.Ordinal);
        Assert.True(Directory.Exists(first.Directory) && Directory.Exists(second.Directory));
        Assert.Equal(Path.Combine(_runs.Path, first.Id), first.Directory);
        Assert.All(registry.List(), r => Assert.True(r.Controllable));
        Assert.Equal(2, registry.InProgress);
        Assert.Same(first, registry.Live(first.Id));
        Assert.Equal(RowsOf(1), registry.Snapshot(first.Id)!.Value.Rows);

        first.Finish(RunState.Completed, null);
        Assert.Equal(1, registry.InProgress);
        Assert.Equal(RunState.Completed, registry.Find(first.Id)!.State);
    }

    [Fact]
    public void Live_run_state_follows_its_pause_gate_and_stop()
    {
        var run = new LiveRun("r", _runs.Path, "tiny", 1, 3, null);
        Assert.Equal(RunState.Running, run.Summary().State);

        run.Gate.Pause();
        Assert.Equal(RunState.Pausing, run.Summary().State);

        run.Gate.Resume();
        run.Stop.Cancel();
        Assert.Equal(RunState.Stopping, run.Summary().State);

        run.Finish(RunState.Cancelled, null);
        Assert.Equal(RunState.Cancelled, run.Summary().State);
        Assert.True(run.Summary().Finished);
    }

    private static List<MetricRow> RowsOf(int ticks) =>
        [.. Enumerable.Range(0, ticks).SelectMany(t => new[]
        {
            new MetricRow(t, 0, "", "", MetricNames.SyntheticShareDocuments, "", t / 10.0),
            new MetricRow(t, 0, "acme", t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.HeldoutPerplexity, "", 100 + t),
        })];

    private void WriteFinishedRun(string folder, string scenario, long seed, int ticks, RunStatusKind status, DateTimeOffset startedAt, int? totalTicks = null)
    {
        var directory = Path.Combine(_runs.Path, folder);
        var manifest = new RunManifest
        {
            RunId = $"{scenario}-{Guid.NewGuid():N}",
            Scenario = scenario,
            Seed = seed,
            Version = "test",
            Status = RunStatusKind.Running,
            CompletedTicks = 0,
            TotalTicks = totalTicks ?? ticks,
            StartedAt = startedAt,
            ResolvedScenario = new JsonObject { ["name"] = scenario },
        };
        using var output = RunOutput.Create(directory, manifest);
        var rows = RowsOf(ticks);
        for (var t = 0; t < ticks; t++)
        {
            output.AppendTick(new TickReport(t, [.. rows.Where(r => r.Tick == t)], [], 0, 0));
        }

        output.Finish(status, null, []);
    }
}
