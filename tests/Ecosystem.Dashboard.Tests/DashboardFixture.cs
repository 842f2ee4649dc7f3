using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecosystem.Dashboard.Runs;
using Microsoft.AspNetCore.Builder;

namespace Ecosystem.Dashboard.Tests;

/// <summary>The real dashboard (web server, embedded silo, Prometheus endpoint) on free local ports with a known
/// token and a temporary runs folder, shared by the tests of one collection (which run one at a time).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>The control token the tests configure.</summary>
    public const string Token = "dashboard-test-token-0123456789";

    private readonly TempDirectory _runs = new();
    private readonly TempDirectory _data = new();

    /// <summary>How the API writes JSON (enum names in camel case, NaN allowed).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public int MetricsPort { get; } = FreePort.Next();

    public string RunsDirectory => _runs.Path;

    /// <summary>The data folder posted scenarios may read: <c>corpus/</c> holds a small folder corpus.</summary>
    public string DataDirectory => _data.Path;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var random = new Random(3);
        string[] words = ["the", "river", "light", "market", "stone", "quiet", "letter", "north", "garden", "engine", "winter", "voice"];
        foreach (var genre in new[] { "news", "fiction" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(_data.Path, "corpus", genre));
            for (var f = 0; f < 12; f++)
            {
                File.WriteAllText(System.IO.Path.Combine(_data.Path, "corpus", genre, $"{f}.txt"),
                    string.Join(' ', Enumerable.Range(0, 400).Select(_ => words[random.Next(words.Length)])));
            }
        }

        var port = FreePort.Next();
        App = DashboardApp.Build(
            s =>
            {
                s.Urls = $"http://127.0.0.1:{port}";
                s.Token = Token;
                s.RunsDirectory = _runs.Path;
                s.DataDirectory = _data.Path;
                s.MaxConcurrentRuns = 3;
            },
            t => t.MetricsPort = MetricsPort);
        await App.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _runs.Dispose();
        _data.Dispose();
    }

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/> with <paramref name="token"/> as bearer token (none when null).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string? json, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Starts a run from a posted scenario document and returns its summary.</summary>
    public async Task<RunSummary> StartAsync(string scenarioJson)
    {
        using var response = await PostAsync("api/runs", $$"""{ "definition": {{scenarioJson}} }""");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunSummary>(Json))!;
    }

    public async Task<RunSummary> GetRunAsync(string id) =>
        (await Http.GetFromJsonAsync<RunSummary>($"api/runs/{id}", Json))!;

    /// <summary>Polls the run until <paramref name="done"/> holds.</summary>
    public async Task<RunSummary> WaitForAsync(string id, Func<RunSummary, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await GetRunAsync(id);
            if (done(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {id} did not get there in {seconds} s; it is {run.State} at tick {run.CompletedTicks}.");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}

/// <summary>The browser test gets a dashboard of its own, so its screenshot shows its run alone; it runs beside the
/// "dashboard" collection.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "browser";
}
