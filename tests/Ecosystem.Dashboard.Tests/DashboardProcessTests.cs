using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Grains.Hosting;
using Ecosystem.Telemetry.Tests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The <c>ecosystem-dashboard</c> program as its own process.</summary>
public sealed partial class DashboardProcessTests
{
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    private static string Program(string name) => Path.Combine(AppContext.BaseDirectory, name);

    [Fact]
    public async Task Help_lists_the_options()
    {
        using var process = ChildProcess.Start(Dotnet, AppContext.BaseDirectory, Program("ecosystem-dashboard.dll"), "--help");
        await process.WaitForOutputAsync("--service-id", TimeSpan.FromSeconds(30));

        foreach (var option in new[] { "--urls", "--token", "--metrics-port", "--runs-dir", "--scenarios-dir", "--gateway-port", "--cluster-id" })
        {
            Assert.Contains(option, process.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>The dashboard process joins a silo hosted by the test as a client: no embedded silo, no Orleans dashboard.</summary>
    [Fact]
    public async Task Client_of_a_separate_silo_prints_a_generated_token_that_alone_starts_runs_there()
    {
        using var runs = new TempDirectory();
        var (siloPort, gatewayPort, httpPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        // A silo configured as the silo host configures one (localhost clustering, ids "ecosystem").
        var siloHost = Host.CreateApplicationBuilder();
        siloHost.Logging.ClearProviders();
        siloHost.UseOrleans(s => s.UseLocalhostClustering(siloPort, gatewayPort, null, "ecosystem", "ecosystem").AddEcosystemSimulation());
        using var silo = siloHost.Build();
        await silo.StartAsync();
        using var dashboard = ChildProcess.Start(Dotnet, runs.Path, Program("ecosystem-dashboard.dll"),
            "--urls", $"http://127.0.0.1:{httpPort}", "--gateway-port", $"{gatewayPort}", "--runs-dir", runs.Path);
        await dashboard.WaitForOutputAsync("to control runs from this browser", TimeSpan.FromSeconds(60));

        var token = GeneratedToken().Match(dashboard.Output).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        var info = await http.GetStringAsync("api/info");
        Assert.Contains("\"orleansDashboard\":null", info, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("orleans/")).StatusCode);

        var body = $$"""{ "definition": {{TestScenarios.Gaussian(5, "client-mode")}} }""";
        HttpRequestMessage Start(string? bearer) => new(HttpMethod.Post, "api/runs")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer) },
        };
        using var refused = await http.SendAsync(Start(null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var started = await http.SendAsync(Start(token));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<RunSummary>(DashboardFixture.Json))!;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        RunSummary now;
        do
        {
            await Task.Delay(100);
            now = (await http.GetFromJsonAsync<RunSummary>($"api/runs/{run.Id}", DashboardFixture.Json))!;
        }
        while (!now.Finished && DateTime.UtcNow < deadline);

        Assert.Equal((RunState.Completed, 5), (now.State, now.CompletedTicks));
        Assert.True(File.Exists(Path.Combine(runs.Path, run.Id, "metrics.csv")));
        await silo.StopAsync();
    }

    [GeneratedRegex(@"Control token \(generated; pass --token to choose one\): (\S+)")]
    private static partial Regex GeneratedToken();
}
