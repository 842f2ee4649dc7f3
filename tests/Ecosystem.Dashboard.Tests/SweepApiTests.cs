using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecosystem.Dashboard.Sweeps;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Tests;

/// <summary>GET /api/sweeps and /api/sweeps/{name} on sweep folders written into the dashboard's runs folder.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SweepApiTests(DashboardFixture dashboard)
{
    private string NewSweep(string stem) => Path.Combine(dashboard.RunsDirectory, $"{stem}-{Guid.NewGuid().ToString("N")[..8]}");

    private async Task<SweepEntry> ListedAsync(string name)
    {
        var sweeps = (await dashboard.Http.GetFromJsonAsync<List<SweepEntry>>("api/sweeps", DashboardFixture.Json))!;
        return Assert.Single(sweeps, s => s.Name == name);
    }

    private async Task<JsonElement> FiguresAsync(string name)
    {
        using var response = await dashboard.Http.GetAsync($"api/sweeps/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("figures");
    }

    private static JsonElement FinalShare(JsonElement figures, int point) =>
        figures.GetProperty("summaries").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == "final_synthetic_share")
            .GetProperty("series")[0].GetProperty("points")[point];

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetDouble();

    [Fact]
    public async Task Sweep_folders_are_listed_with_their_status_and_runs_and_plain_runs_are_not()
    {
        var done = NewSweep("sweep-done");
        SweepFolders.WriteManifest(done, RunStatusKind.Completed, finishedRuns: 4, DateTimeOffset.UtcNow.AddHours(-1));
        for (var run = 0; run < 4; run++)
        {
            SweepFolders.WriteRun(done, run, 0.5, RunStatusKind.Completed);
        }

        var running = NewSweep("sweep-running");
        SweepFolders.WriteManifest(running, RunStatusKind.Running, finishedRuns: 1, DateTimeOffset.UtcNow);
        SweepFolders.WriteRun(running, 0, 0.5, RunStatusKind.Completed);

        // Neither a sweep nested deeper nor one of the sweep's run folders is a sweep of the runs folder.
        SweepFolders.WriteManifest(Path.Combine(dashboard.RunsDirectory, "group", "nested-sweep"), RunStatusKind.Completed, 4, DateTimeOffset.UtcNow);

        var listed = (await dashboard.Http.GetFromJsonAsync<List<SweepEntry>>("api/sweeps", DashboardFixture.Json))!;
        var names = listed.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf(Path.GetFileName(running)) < names.IndexOf(Path.GetFileName(done)), "newest first");
        Assert.DoesNotContain("nested-sweep", names);
        Assert.DoesNotContain("group", names);

        var complete = await ListedAsync(Path.GetFileName(done));
        Assert.Equal(("tiny-docs", RunStatusKind.Completed, 4, 4), (complete.Sweep, complete.Status, complete.FinishedRuns, complete.TotalRuns));
        Assert.Contains("more a tick", complete.Description);
        var inProgress = await ListedAsync(Path.GetFileName(running));
        Assert.Equal((RunStatusKind.Running, 1, 4), (inProgress.Status, inProgress.FinishedRuns, inProgress.TotalRuns));

        using var raw = await dashboard.Http.GetAsync("api/sweeps");
        Assert.Contains("\"status\":\"running\"", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var runs = await dashboard.Http.GetStringAsync("api/runs");
        Assert.DoesNotContain(Path.GetFileName(done), runs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_in_progress_fills_in_as_its_runs_finish()
    {
        var folder = NewSweep("sweep-filling");
        var name = Path.GetFileName(folder);
        SweepFolders.WriteManifest(folder, RunStatusKind.Running, finishedRuns: 1, DateTimeOffset.UtcNow);
        SweepFolders.WriteRun(folder, 0, 0.2, RunStatusKind.Completed);

        // The second seed is still writing: its last line is cut short.
        SweepFolders.WriteRun(folder, 1, 0.9, RunStatusKind.Running, tail: "3,0,,,synthetic_sh");

        var figures = await FiguresAsync(name);
        Assert.Equal(1, figures.GetProperty("finishedRuns").GetInt32());
        Assert.Equal(4, figures.GetProperty("totalRuns").GetInt32());
        Assert.Equal("docs", figures.GetProperty("axisLabel").GetString());
        var first = FinalShare(figures, 0);
        Assert.Equal(1, first.GetProperty("runs").GetInt32());
        Assert.Equal(0.2, Number(first.GetProperty("mean")), 12);
        Assert.True(double.IsNaN(Number(first.GetProperty("low"))), "one run has no interval yet");
        Assert.Equal(0, FinalShare(figures, 1).GetProperty("runs").GetInt32());
        var corpus = figures.GetProperty("trajectories")[0];
        Assert.Equal("synthetic_share_documents", corpus.GetProperty("metric").GetString());
        Assert.Equal(3, corpus.GetProperty("bands")[0].GetProperty("ticks").GetArrayLength());
        Assert.Equal(0, corpus.GetProperty("bands")[1].GetProperty("ticks").GetArrayLength());

        // The second seed finishes, and a run of the second point: both points have values, the first an interval.
        SweepFolders.WriteRun(folder, 1, 0.4, RunStatusKind.Completed);
        SweepFolders.WriteRun(folder, 2, 0.7, RunStatusKind.Completed);
        SweepFolders.WriteManifest(folder, RunStatusKind.Running, finishedRuns: 3, DateTimeOffset.UtcNow);

        Assert.Equal(3, (await ListedAsync(name)).FinishedRuns);
        figures = await FiguresAsync(name);
        Assert.Equal(3, figures.GetProperty("finishedRuns").GetInt32());
        first = FinalShare(figures, 0);
        Assert.Equal(2, first.GetProperty("runs").GetInt32());
        Assert.Equal(0.3, Number(first.GetProperty("mean")), 12);

        // Two runs, 0.2 and 0.4: the standard error is 0.1 and t(0.975, 1) = tan(0.475 pi) = 12.706 (Student's t with one
        // degree of freedom is Cauchy's distribution).
        var half = Math.Tan(0.475 * Math.PI) * 0.1;
        Assert.Equal(0.3 - half, Number(first.GetProperty("low")), 9);
        Assert.Equal(0.3 + half, Number(first.GetProperty("high")), 9);
        Assert.Equal(0.7, Number(FinalShare(figures, 1).GetProperty("mean")), 12);
    }

    [Theory]
    [InlineData("..%2F{0}")]
    [InlineData("..%5C{0}")]
    [InlineData("%2E%2E%2F{0}")]
    [InlineData(".{0}")]
    [InlineData("{0}{0}{0}{0}{0}{0}{0}")]
    [InlineData("{0}%2F..%2F..%2F{0}")]
    public async Task Names_that_are_not_plain_folder_names_are_refused_with_400(string pattern)
    {
        // A readable sweep right beside the runs folder, which "../<name>" would reach if names were paths.
        var outside = Path.Combine(Path.GetDirectoryName(dashboard.RunsDirectory)!, $"beside-runs-{Guid.NewGuid().ToString("N")[..8]}");
        SweepFolders.WriteManifest(outside, RunStatusKind.Completed, 4, DateTimeOffset.UtcNow);
        try
        {
            using var response = await dashboard.Http.GetAsync("api/sweeps/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Path.GetFileName(outside)));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Malformed sweep name", problem.GetProperty("title").GetString());
            Assert.Contains("directly inside the runs folder", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_name_of_no_sweep_gets_404_even_when_it_is_a_run_or_a_sweep_elsewhere()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"outside-sweep-{Guid.NewGuid():N}");
        SweepFolders.WriteManifest(outside, RunStatusKind.Completed, 4, DateTimeOffset.UtcNow);
        try
        {
            var run = await dashboard.StartAsync(TestScenarios.Gaussian(2, "not-a-sweep"));
            await dashboard.WaitForAsync(run.Id, r => r.Finished);

            foreach (var name in new[] { "no-such-sweep", run.Id, Path.GetFileName(outside) })
            {
                using var response = await dashboard.Http.GetAsync($"api/sweeps/{name}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("Unknown sweep", problem.GetProperty("title").GetString());
                Assert.Contains("GET /api/sweeps", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
