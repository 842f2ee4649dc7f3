using System.Net;
using System.Text.Json;
using Ecosystem.Abstractions.Metrics;
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
