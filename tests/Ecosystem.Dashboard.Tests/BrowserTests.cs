using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Microsoft.Playwright;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The page in a real headless Chromium (the Debian package, never a downloaded browser), driven by Playwright.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(DashboardFixture dashboard)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Where the screenshot of the page during a run is saved (the test's output folder).</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");

    [Fact]
    public async Task Quick_start_from_the_page_updates_the_charts_tick_by_tick()
    {
        Assert.True(File.Exists(Chromium), "chromium is missing: run scripts/install-test-deps.sh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1400 } });
        var failures = new List<string>();
        page.PageError += (_, e) => failures.Add(e);
        page.RequestFailed += (_, r) => failures.Add($"{r.Url}: {r.Failure}");
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(dashboard.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                failures.Add($"request outside the dashboard: {r.Url}");
            }
        };

        await page.GotoAsync(dashboard.BaseAddress.ToString());
        await page.EvaluateAsync("() => window.ecosystemDashboard.ready");
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
        Assert.Empty(failures);
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

        Assert.True(File.Exists(Chromium), "chromium is missing: run scripts/install-test-deps.sh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1400 } });
        var failures = new List<string>();
        page.PageError += (_, e) => failures.Add(e);
        await page.GotoAsync(dashboard.BaseAddress.ToString());
        await page.EvaluateAsync("() => window.ecosystemDashboard.ready");

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
        Assert.Empty(failures);
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
