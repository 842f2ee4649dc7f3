using System.Text.Json;

namespace Ecosystem.Telemetry.Tests;

/// <summary>A real Prometheus server (the Debian package, installed by scripts/install-test-deps.sh) on a free loopback
/// port, scraping the given targets at a short interval, with its storage in a temporary folder; disposing kills it.</summary>
internal sealed class PrometheusServer : IDisposable
{
    private const string Job = "ecosystem";

    private readonly TempDirectory _folder;
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private PrometheusServer(TempDirectory folder, ChildProcess process, int port)
    {
        _folder = folder;
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the server and waits until it reports ready.</summary>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, TimeSpan scrapeInterval)
    {
        var binary = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("prometheus is not installed; run scripts/install-test-deps.sh.");
        var folder = new TempDirectory();
        var interval = $"{(int)scrapeInterval.TotalMilliseconds}ms";
        var config = $"""
            global:
              scrape_interval: {interval}
              scrape_timeout: {interval}
            scrape_configs:
              - job_name: {Job}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """;
        var configPath = Path.Combine(folder.Path, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        var port = FreePort.Next();
        var process = ChildProcess.Start(binary, folder.Path,
            $"--config.file={configPath}",
            $"--storage.tsdb.path={Path.Combine(folder.Path, "data")}",
            $"--web.listen-address=127.0.0.1:{port}");
        var server = new PrometheusServer(folder, process, port);
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(20));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs an instant query and returns its result vector: each element has "metric" (labels) and "value"
    /// ([unix time, value as text]).</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string promql)
    {
        using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"query {promql}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        Assert.Equal("vector", data.GetProperty("resultType").GetString());
        return data.GetProperty("result").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Waits until every target has been scraped successfully at or after <paramref name="since"/>.</summary>
    public async Task WaitForScrapesAfterAsync(DateTimeOffset since, int targets, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var up = await QueryAsync($"up{{job=\"{Job}\"}}");
            if (up.Count == targets && up.All(s => ScrapeTime(s) >= since && s.GetProperty("value")[1].GetString() == "1"))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"no successful scrape of {targets} target(s) after {since:O}; up = " +
                                           $"{string.Join("; ", up.Select(s => s.ToString()))}\nPrometheus output:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
        _folder.Dispose();
    }

    private static DateTimeOffset ScrapeTime(JsonElement sample) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(sample.GetProperty("value")[0].GetDouble() * 1000));

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("-/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Prometheus did not become ready (exited: {_process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }
}
