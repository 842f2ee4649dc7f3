using Microsoft.Playwright;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The dashboard's page open in a real headless Chromium (the Debian package, never a downloaded browser),
/// driven by Playwright, collecting every script error, failed request and request that leaves the dashboard.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>What went wrong in the page so far; a test ends by asserting it is empty.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Opens the page at <paramref name="baseAddress"/> and waits until its script is ready.</summary>
    public static async Task<DashboardPage> OpenAsync(Uri baseAddress)
    {
        Assert.True(File.Exists(Chromium), "chromium is missing: run scripts/install-test-deps.sh");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1400 } });
        var opened = new DashboardPage(playwright, browser, page);
        page.PageError += (_, e) => opened.Failures.Add(e);
        page.RequestFailed += (_, r) => opened.Failures.Add($"{r.Url}: {r.Failure}");
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(baseAddress.ToString(), StringComparison.Ordinal))
            {
                opened.Failures.Add($"request outside the dashboard: {r.Url}");
            }
        };

        await page.GotoAsync(baseAddress.ToString());
        await page.EvaluateAsync("() => window.ecosystemDashboard.ready");
        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
