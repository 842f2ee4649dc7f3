using System.Net;
using System.Net.Http.Json;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Dashboard.Live;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Ecosystem.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class RunControlTests(DashboardFixture dashboard)
{
    // 100 Gaussian ticks take about 3 s: long enough that a pause sent right after the start lands mid-run.
    private const int Ticks = 100;

    [Fact]
    public async Task Shipped_scenario_started_by_name_writes_the_usual_run_files()
    {
        using var response = await dashboard.PostAsync("api/runs", """{ "scenario": "gaussian-refit", "seed": 11 }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<RunSummary>(DashboardFixture.Json))!;
        Assert.Equal(("gaussian-refit", 11L), (run.Scenario, run.Seed));
        Assert.Equal($"/api/runs/{run.Id}", response.Headers.Location!.OriginalString);

        // Stop it: the point is the start, and gaussian-refit has 400 worlds x 100 ticks.
        using var stop = await dashboard.PostAsync($"api/runs/{run.Id}/stop", null);
        var stopped = await dashboard.WaitForAsync(run.Id, r => r.Finished);

        Assert.Equal(RunState.Cancelled, stopped.State);
        var folder = Path.Combine(dashboard.RunsDirectory, run.Id);
        Assert.True(File.Exists(Path.Combine(folder, RunFiles.Metrics)));
        Assert.True(File.Exists(Path.Combine(folder, RunFiles.Samples)));
        var manifest = RunOutput.ReadManifest(folder);
        Assert.Equal((RunStatusKind.Cancelled, 11L, stopped.CompletedTicks), (manifest.Status, manifest.Seed, manifest.CompletedTicks));
    }

    [Fact]
    public async Task Paused_run_holds_between_ticks_and_resumes_to_completion()
    {
        var run = await dashboard.StartAsync(TestScenarios.Gaussian(Ticks));
        using (var pause = await dashboard.PostAsync($"api/runs/{run.Id}/pause", null))
        {
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        }

        var paused = await dashboard.WaitForAsync(run.Id, r => r.State == RunState.Paused);
        var folder = Path.Combine(dashboard.RunsDirectory, run.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var held = await dashboard.GetRunAsync(run.Id);
        Assert.InRange(paused.CompletedTicks, 0, Ticks - 1);
        Assert.Equal((RunState.Paused, paused.CompletedTicks), (held.State, held.CompletedTicks));
        Assert.Equal(paused.CompletedTicks, RunOutput.ReadManifest(folder).CompletedTicks);
        Assert.Equal(paused.CompletedTicks, MetricsCsv.Read(Path.Combine(folder, RunFiles.Metrics)).Select(r => r.Tick).Distinct().Count());

        using (var resume = await dashboard.PostAsync($"api/runs/{run.Id}/resume", null))
        {
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        }

        var done = await dashboard.WaitForAsync(run.Id, r => r.Finished);
        Assert.Equal((RunState.Completed, Ticks), (done.State, done.CompletedTicks));
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(folder).Status);
        Assert.Equal(Ticks, MetricsCsv.Read(Path.Combine(folder, RunFiles.Metrics)).Select(r => r.Tick).Distinct().Count());

        using var late = await dashboard.PostAsync($"api/runs/{run.Id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Stopped_run_ends_at_once_and_its_run_json_says_cancelled()
    {
        var run = await dashboard.StartAsync(TestScenarios.Gaussian(Ticks));
        using (await dashboard.PostAsync($"api/runs/{run.Id}/pause", null))
        {
        }

        var paused = await dashboard.WaitForAsync(run.Id, r => r.State == RunState.Paused);
        using (var stop = await dashboard.PostAsync($"api/runs/{run.Id}/stop", null))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        var stopped = await dashboard.WaitForAsync(run.Id, r => r.Finished, seconds: 10);
        Assert.Equal((RunState.Cancelled, paused.CompletedTicks), (stopped.State, stopped.CompletedTicks));
        var manifest = RunOutput.ReadManifest(Path.Combine(dashboard.RunsDirectory, run.Id));
        Assert.Equal((RunStatusKind.Cancelled, paused.CompletedTicks), (manifest.Status, manifest.CompletedTicks));
    }

    [Fact]
    public async Task Page_that_connects_mid_run_gets_the_history_then_each_tick_once()
    {
        var run = await dashboard.StartAsync(TestScenarios.Gaussian(Ticks));
        using (await dashboard.PostAsync($"api/runs/{run.Id}/pause", null))
        {
        }

        var paused = await dashboard.WaitForAsync(run.Id, r => r.State == RunState.Paused);
        var pushed = new List<TickUpdate>();
        var statuses = new List<RunSummary>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(dashboard.BaseAddress, "hubs/runs"))
            .AddJsonProtocol(o => o.PayloadSerializerOptions = DashboardFixture.Json)
            .Build();
        hub.On<TickUpdate>("tick", t => { lock (pushed) { pushed.Add(t); } });
        hub.On<RunSummary>("status", s => { lock (statuses) { statuses.Add(s); } });
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<RunSnapshot>("Watch", run.Id);
        Assert.Equal(paused.CompletedTicks, snapshot.Rows.Select(r => r.Tick).Distinct().Count());

        using (await dashboard.PostAsync($"api/runs/{run.Id}/resume", null))
        {
        }

        await dashboard.WaitForAsync(run.Id, r => r.Finished);
        // The API may say the run finished before the hub's last pushes reach this connection: wait for them too.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((Count(pushed) < Ticks - paused.CompletedTicks || !HasCompleted(statuses, run.Id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // History plus pushes, keeping the first copy of each tick as the page does, is exactly metrics.csv.
        List<TickUpdate> updates;
        lock (pushed)
        {
            updates = [.. pushed];
        }

        Assert.Equal(Enumerable.Range(paused.CompletedTicks, Ticks - paused.CompletedTicks), updates.Select(u => u.Tick));
        var seen = snapshot.Rows.ToList();
        seen.AddRange(updates.Where(u => u.Tick >= paused.CompletedTicks).SelectMany(u => u.Rows));
        var written = MetricsCsv.Read(Path.Combine(dashboard.RunsDirectory, run.Id, RunFiles.Metrics));
        Assert.Equal(written, seen, RowComparer.Instance);
        Assert.True(HasCompleted(statuses, run.Id), "the hub never pushed the run's completed status");

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<RunSnapshot>("Watch", "../etc"));
    }

    [Fact]
    public async Task Fork_of_a_finished_run_shares_its_history_and_then_runs_the_changed_policy()
    {
        const int ticks = 6, at = 3;
        var parent = await dashboard.StartAsync(TestScenarios.Gaussian(ticks, "fork-parent"));
        await dashboard.WaitForAsync(parent.Id, r => r.State == RunState.Completed);

        using var refused = await dashboard.PostAsync($"api/runs/{parent.Id}/fork", """{ "at": 99, "set": [ { "path": "/vendors/0/training/policy", "value": "accumulate" } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"path\":\"$.at\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var response = await dashboard.PostAsync($"api/runs/{parent.Id}/fork", $$"""{ "at": {{at}}, "set": [ { "path": "/vendors/0/training/policy", "value": "accumulate" } ] }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fork = (await response.Content.ReadFromJsonAsync<RunSummary>(DashboardFixture.Json))!;
        var done = await dashboard.WaitForAsync(fork.Id, r => r.Finished);

        Assert.Equal((RunState.Completed, parent.Id, (int?)at), (done.State, done.ForkOf, done.ForkTick));
        var parentRows = MetricsCsv.Read(Path.Combine(dashboard.RunsDirectory, parent.Id, RunFiles.Metrics));
        var forkRows = MetricsCsv.Read(Path.Combine(dashboard.RunsDirectory, fork.Id, RunFiles.Metrics));
        Assert.Equal(parentRows.Where(r => r.Tick < at), forkRows.Where(r => r.Tick < at), RowComparer.Instance);
        Assert.Equal(ticks, forkRows.Select(r => r.Tick).Distinct().Count());
        // Accumulating keeps the human sample in every later training set, so the fitted model differs after the fork.
        Assert.NotEqual(
            parentRows.Where(r => r.Tick >= at).Select(r => r.Value),
            forkRows.Where(r => r.Tick >= at).Select(r => r.Value));
    }

    [Fact]
    public async Task Prometheus_endpoint_of_the_dashboard_serves_the_runs_gauges()
    {
        var run = await dashboard.StartAsync(TestScenarios.Gaussian(4, "prometheus"));
        await dashboard.WaitForAsync(run.Id, r => r.Finished);

        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://localhost:{dashboard.MetricsPort}/metrics");

        Assert.Contains("ecosystem_run_completed_ticks", text, StringComparison.Ordinal);
        Assert.Contains("service_name=\"ecosystem-dashboard\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_list_holds_started_and_finished_runs()
    {
        var run = await dashboard.StartAsync(TestScenarios.Gaussian(2, "listed"));
        await dashboard.WaitForAsync(run.Id, r => r.Finished);

        var runs = (await dashboard.Http.GetFromJsonAsync<List<RunSummary>>("api/runs", DashboardFixture.Json))!;
        var listed = Assert.Single(runs, r => r.Id == run.Id);
        Assert.Equal((RunState.Completed, 2, true), (listed.State, listed.CompletedTicks, listed.Controllable));

        // A fresh registry over the same folder (the dashboard restarted) finds it from its run.json.
        var found = new RunRegistry(dashboard.RunsDirectory).Find(run.Id);
        Assert.Equal((RunState.Completed, 2, false), (found!.State, found.CompletedTicks, found.Controllable));
    }

    private static int Count(List<TickUpdate> updates)
    {
        lock (updates)
        {
            return updates.Count;
        }
    }

    private static bool HasCompleted(List<RunSummary> statuses, string runId)
    {
        lock (statuses)
        {
            return statuses.Any(s => s.Id == runId && s.State == RunState.Completed);
        }
    }

    /// <summary>Rows compared field by field, values by their CSV text (NaN equals NaN).</summary>
    private sealed class RowComparer : IEqualityComparer<MetricRow>
    {
        public static RowComparer Instance { get; } = new();

        public bool Equals(MetricRow? x, MetricRow? y) => x is not null && y is not null && MetricsCsv.FormatRow(x) == MetricsCsv.FormatRow(y);

        public int GetHashCode(MetricRow obj) => MetricsCsv.FormatRow(obj).GetHashCode(StringComparison.Ordinal);
    }
}
