using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The page in a real headless Chromium, driven by Playwright (<see cref="DashboardPage"/>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(DashboardFixture dashboard)
{
    /// <summary>Where the screenshot of the page during a run is saved (the test's output folder).</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");

    [Fact]
    public async Task Quick_start_from_the_page_updates_the_charts_tick_by_tick()
    {
        await using var browser = await DashboardPage.OpenAsync(dashboard.BaseAddress);
        var page = browser.Page;
        await page.FillAsync("#token", DashboardFixture.Token);
        await page.SelectOptionAsync("#scenario-select", "quickstart");
        await page.ClickAsync("#start-button");
        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.selectedRun()?.startsWith('quickstart-')", null, new() { Timeout = 10_000 });
        var runId = await page.EvaluateAsync<string>("() => window.ecosystemDashboard.selectedRun()");
        var metrics = Path.Combine(dashboard.RunsDirectory, runId, RunFiles.Metrics);

        // Each tick's push adds its point to the chart; the values are those the run wrote to metrics.csv.
        for (var tick = 0; tick < 3; tick++)
        {
            await page.WaitForFunctionAsync($"() => window.ecosystemDashboard.lastTick() >= {tick}", null, new() { Timeout = 60_000 });
            var shown = await ChartSeriesAsync(page, "synthetic-share", "corpus, true");
            var written = Series(MetricsCsv.Read(metrics), MetricNames.SyntheticShareDocuments, vendor: "");
            Assert.True(shown.Count >= tick + 1, $"tick {tick}: the chart shows {shown.Count} point(s)");
            Assert.Equal(written.Take(shown.Count), shown);
        }

        var entropy = await ChartSeriesAsync(page, "entropy", "acme");
        Assert.True(entropy.Count >= 3);
        Assert.True(entropy[2].Y < entropy[0].Y, "token entropy of the model's output falls over the first ticks of the quick start");
        await page.WaitForFunctionAsync("() => Number(document.getElementById('run-progress').dataset.completedTicks) >= 3");
        Assert.NotEqual("0", await page.GetAttributeAsync("[data-chart-id='who-trained-on-whom']", "data-points"));
        Assert.Contains("watermark_true_positive_rate", await page.InnerTextAsync("[data-chart-id='watermark-detection']"), StringComparison.Ordinal);

        // A few more ticks make a screenshot that shows the trends.
        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.lastTick() >= 5", null, new() { Timeout = 60_000 });
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000);

        // The same control from outside the page, without the token, is refused; with it, the run stops.
        using (var refused = await dashboard.PostAsync($"api/runs/{runId}/stop", null, token: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await page.ClickAsync("#stop-button");
        await page.WaitForFunctionAsync("() => ['cancelled', 'completed'].includes(document.getElementById('run-state').textContent)", null, new() { Timeout = 30_000 });
        Assert.Empty(browser.Failures);
    }

    /// <summary>Where the screenshot of a fork drawn beside its parent is saved.</summary>
    public static string CompareScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-compare.png");

    [Fact]
    public async Task A_fork_is_drawn_beside_its_parent_with_the_tick_it_branches_off_marked()
    {
        const int ticks = 8, at = 4;
        var parent = await dashboard.StartAsync(TestScenarios.Gaussian(ticks, "compare-parent"));
        await dashboard.WaitForAsync(parent.Id, r => r.Finished);
        using var response = await dashboard.PostAsync($"api/runs/{parent.Id}/fork", $$"""{ "at": {{at}}, "set": [ { "path": "/vendors/0/deployment/documentsPerTick", "value": 3 } ] }""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fork = (await response.Content.ReadFromJsonAsync<RunSummary>(DashboardFixture.Json))!;
        await dashboard.WaitForAsync(fork.Id, r => r.Finished);

        await using var browser = await DashboardPage.OpenAsync(dashboard.BaseAddress);
        var page = browser.Page;

        // Selecting the fork offers its parent beside it.
        await page.ClickAsync($"tr[data-run-id='{fork.Id}'] td:nth-child(2)");
        await page.WaitForFunctionAsync($"() => window.ecosystemDashboard.compared().includes('{parent.Id}')", null, new() { Timeout = 10_000 });
        var labels = (await page.EvaluateAsync<JsonElement>("id => window.ecosystemDashboard.chartData(id)", "synthetic-share"))
            .EnumerateArray().Select(d => d.GetProperty("label").GetString()!).ToList();
        Assert.Contains(labels, l => l.StartsWith(ShortName(fork.Id) + " \u00b7 ", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith(ShortName(parent.Id) + " \u00b7 ", StringComparison.Ordinal));
        Assert.Contains($"fork at tick {at}", labels);

        // The fork publishes three documents a tick from the fork tick on, the parent one: the corpus's synthetic share
        // is drawn for both, the same before the fork and apart after it.
        var forkShare = await ChartSeriesAsync(page, "synthetic-share", $"{ShortName(fork.Id)} \u00b7 corpus, true");
        var parentShare = await ChartSeriesAsync(page, "synthetic-share", $"{ShortName(parent.Id)} \u00b7 corpus, true");
        Assert.Equal(parentShare.Take(at), forkShare.Take(at));
        Assert.True(forkShare[^1].Y > parentShare[^1].Y);

        // Unticking the parent leaves the fork alone.
        await page.ClickAsync($"tr[data-run-id='{parent.Id}'] input.compare-box");
        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.compared().length === 0");
        await page.ClickAsync($"tr[data-run-id='{parent.Id}'] input.compare-box");
        await page.WaitForFunctionAsync($"() => window.ecosystemDashboard.compared().includes('{parent.Id}')");
        Directory.CreateDirectory(Path.GetDirectoryName(CompareScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = CompareScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(CompareScreenshotPath).Length > 10_000);
        Assert.Empty(browser.Failures);
    }

    /// <summary>Where the screenshot of a sweep's figures is saved.</summary>
    public static string SweepsScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-sweeps.png");

    [Fact]
    public async Task A_sweep_fills_in_as_its_runs_finish_and_draws_what_its_report_draws()
    {
        // A real sweep on the dashboard's silo, run into a folder outside the runs folder; its files are then copied in
        // the order a sweep in progress writes them, so the page is seen at known steps of filling in.
        using var staging = new TempDirectory();
        File.WriteAllText(Path.Combine(staging.Path, "base.json"), """
            { "name": "small-web", "seed": 1, "ticks": 6,
              "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 64 } },
              "humans": { "authors": 60, "initialDocuments": 500, "documentsPerTick": 100 },
              "vendors": [ { "name": "acme", "model": { "family": "ngram", "order": 2 }, "training": { "policy": "replace" },
                             "decoding": { "temperature": 0.8 }, "deployment": { "documentsPerTick": 300 } } ] }
            """);
        File.WriteAllText(Path.Combine(staging.Path, "sweep.json"), """
            { "name": "keep-human-small", "scenario": "base.json", "seeds": { "first": 1, "count": 3 },
              "description": "How much of the human data a vendor keeps, on a small web: 0%, 20% or 50% of generation 0's.",
              "parameters": [ { "name": "keep_human", "paths": ["/vendors/*/training/keepHumanFraction"], "values": [0, 0.2, 0.5], "labels": ["0%", "20%", "50%"] } ],
              "parallelRuns": 2 }
            """);
        var plan = SweepLoader.LoadFile(Path.Combine(staging.Path, "sweep.json"));
        var done = Path.Combine(staging.Path, "out");
        await new SweepRunner(dashboard.App.Services.GetRequiredService<IGrainFactory>()).RunAsync(plan, done);
        var aggregate = AggregateOf(Path.Combine(done, SweepFiles.Aggregate));

        const string name = "sweep-keep-human";
        var folder = Path.Combine(dashboard.RunsDirectory, name);
        Directory.CreateDirectory(Path.Combine(folder, SweepFiles.Runs));
        var started = SweepManifest.Read(done);
        (started with { Status = RunStatusKind.Running, FinishedRuns = 0, FinishedAt = null }).Write(folder);

        await using var browser = await DashboardPage.OpenAsync(dashboard.BaseAddress);
        var page = browser.Page;

        // No run has finished: the sweep is listed and selected, with nothing to draw yet.
        await page.ClickAsync($"tr[data-sweep='{name}'] td:nth-child(2)");
        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.sweepFigures()?.totalRuns === 9", null, new() { Timeout = 10_000 });
        Assert.Empty(await DrawnAsync(page));
        Assert.True(await page.IsVisibleAsync("#sweep-empty"));
        Assert.Equal("running", await page.InnerTextAsync("#sweep-state"));

        // The three runs of the first point and one of the second finish: two points, one of them with an interval.
        foreach (var run in plan.Runs.Take(4))
        {
            CopyRun(Path.Combine(done, SweepFiles.Runs, run.FolderName), Path.Combine(folder, SweepFiles.Runs, run.FolderName));
        }

        (started with { Status = RunStatusKind.Running, FinishedRuns = 4, FinishedAt = null }).Write(folder);
        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.sweepFigures()?.finishedRuns === 4", null, new() { Timeout = 15_000 });
        var partial = await DrawnAsync(page);
        Assert.Equal((2, 1), (partial["summary-perplexity_rise"].Points, partial["summary-perplexity_rise"].Whiskers));
        Assert.Equal((2, 2), (partial["trajectory-corpus-synthetic_share_documents"].Bands, partial["trajectory-corpus-synthetic_share_documents"].Lines));
        await AssertIntervalsAsync(page, "perplexity_rise", aggregate, points: [0]);
        Assert.False(await page.IsVisibleAsync("#sweep-empty"));

        // The rest finish and the sweep completes: every figure of report.html is drawn, with its numbers.
        foreach (var run in plan.Runs.Skip(4))
        {
            CopyRun(Path.Combine(done, SweepFiles.Runs, run.FolderName), Path.Combine(folder, SweepFiles.Runs, run.FolderName));
        }

        foreach (var file in Directory.EnumerateFiles(done))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        await page.WaitForFunctionAsync("() => window.ecosystemDashboard.sweepFigures()?.finishedRuns === 9 && document.getElementById('sweep-state').textContent === 'completed'",
            null, new() { Timeout = 15_000 });
        var drawn = await DrawnAsync(page);
        var plots = Directory.EnumerateFiles(Path.Combine(done, SweepFiles.Plots), "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(plots, drawn.Keys.Select(PlotName).Order(StringComparer.Ordinal));
        foreach (var metric in aggregate.Keys.Select(k => k.Metric).Distinct().Where(m => drawn.ContainsKey($"summary-{m}")))
        {
            var finite = aggregate.Where(a => a.Key.Metric == metric).ToList();
            Assert.Equal(finite.Count(a => double.IsFinite(a.Value.Mean)), drawn[$"summary-{metric}"].Points);
            Assert.Equal(finite.Count(a => double.IsFinite(a.Value.Low)), drawn[$"summary-{metric}"].Whiskers);
            await AssertIntervalsAsync(page, metric, aggregate, points: [0, 1, 2]);
        }

        Assert.All(drawn.Where(d => d.Key.StartsWith("trajectory-", StringComparison.Ordinal)), d => Assert.Equal((3, 3), (d.Value.Bands, d.Value.Lines)));
        Directory.CreateDirectory(Path.GetDirectoryName(SweepsScreenshotPath)!);
        await page.Locator("#sweeps-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = SweepsScreenshotPath });
        Assert.True(new FileInfo(SweepsScreenshotPath).Length > 10_000);
        Assert.Empty(browser.Failures);
    }

    /// <summary>Copies a run's folder as the run writes it: its rows first, run.json (which says "completed") last.</summary>
    private static void CopyRun(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != RunFiles.Manifest))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(from, RunFiles.Manifest), Path.Combine(to, RunFiles.Manifest));
    }

    /// <summary>The file name report.html gives the plot of a chart of the page.</summary>
    private static string PlotName(string chart) => chart switch
    {
        "trajectory-corpus-synthetic_share_documents" => "corpus_synthetic_share",
        _ when chart.StartsWith("summary-", StringComparison.Ordinal) => "summary_" + chart["summary-".Length..],
        _ => chart["trajectory-".Length..].Replace("-", "_", StringComparison.Ordinal),
    };

    private static async Task<Dictionary<string, (int Points, int Whiskers, int Bands, int Lines)>> DrawnAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.ecosystemDashboard.sweepDrawn()")).EnumerateArray().ToDictionary(
            c => c.GetProperty("id").GetString()!,
            c => (c.GetProperty("points").GetInt32(), c.GetProperty("whiskers").GetInt32(), c.GetProperty("bands").GetInt32(), c.GetProperty("lines").GetInt32()));

    /// <summary>Each drawn marker of <paramref name="metric"/> at <paramref name="points"/> sits at the mean aggregate.csv
    /// gives, and its whisker spans the interval it gives.</summary>
    private static async Task AssertIntervalsAsync(IPage page, string metric, Dictionary<(int Point, string Metric), (double Mean, double Low, double High)> aggregate, int[] points)
    {
        var sets = (await page.EvaluateAsync<JsonElement>("id => window.ecosystemDashboard.sweepChartData(id)", $"summary-{metric}")).EnumerateArray().ToList();
        var markers = sets.Single(s => s.GetProperty("role").GetString() == "points").GetProperty("data").EnumerateArray()
            .ToDictionary(p => (int)Math.Round(p.GetProperty("x").GetDouble()), p => p.GetProperty("y").GetDouble());
        var whiskers = sets.Single(s => s.GetProperty("role").GetString() == "whiskers").GetProperty("data").EnumerateArray().ToList();
        var spans = Enumerable.Range(0, whiskers.Count / 9).ToDictionary(
            i => (int)Math.Round(whiskers[i * 9].GetProperty("x").GetDouble()),
            i => (Low: whiskers[i * 9].GetProperty("y").GetDouble(), High: whiskers[(i * 9) + 1].GetProperty("y").GetDouble()));
        foreach (var point in points)
        {
            var expected = aggregate[(point, metric)];
            Assert.Equal(expected.Mean, markers[point], 9);
            Assert.Equal(expected.Low, spans[point].Low, 9);
            Assert.Equal(expected.High, spans[point].High, 9);
        }
    }

    /// <summary>aggregate.csv of a one-axis, one-vendor sweep: (point, metric) to mean and interval.</summary>
    private static Dictionary<(int Point, string Metric), (double Mean, double Low, double High)> AggregateOf(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').ToList();
        double Value(string[] cells, string column) => MetricsCsv.ParseValue(cells[header.IndexOf(column)]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            c => (int.Parse(c[header.IndexOf("point")], CultureInfo.InvariantCulture), c[header.IndexOf("metric")]),
            c => (Value(c, "mean"), Value(c, "ci_low"), Value(c, "ci_high")));
    }

    /// <summary>A run's name in a legend: its id without the date ("compare-parent-seed3 135703").</summary>
    private static string ShortName(string id) => System.Text.RegularExpressions.Regex.Replace(id, @"-\d{8}-(\d{6})$", " $1");

    private static async Task<List<(double X, double Y)>> ChartSeriesAsync(IPage page, string chart, string label)
    {
        var json = await page.EvaluateAsync<JsonElement>("id => window.ecosystemDashboard.chartData(id)", chart);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        var set = json.EnumerateArray().Single(d => d.GetProperty("label").GetString() == label);
        return [.. set.GetProperty("data").EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble()))];
    }

    private static List<(double X, double Y)> Series(IEnumerable<MetricRow> rows, string metric, string vendor) =>
        [.. rows.Where(r => r.Metric == metric && r.Vendor == vendor && r.Replicate == 0 && r.Label.Length == 0)
            .OrderBy(r => r.Tick)
            .Select(r => ((double)r.Tick, r.Value))];
}
