using System.Net;
using System.Text.Json;

namespace Ecosystem.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardSecurityTests(DashboardFixture dashboard)
{
    public static TheoryData<string, string?> ControlRequests() => new()
    {
        { "api/runs", """{ "scenario": "quickstart" }""" },
        { "api/runs/any-run/pause", null },
        { "api/runs/any-run/resume", null },
        { "api/runs/any-run/stop", null },
        { "api/runs/any-run/fork", """{ "at": 1, "set": [ { "path": "/vendors/0/watermark/adoption", "value": 1 } ] }""" },
    };

    [Theory]
    [MemberData(nameof(ControlRequests))]
    public async Task Control_action_without_the_token_gets_401_and_does_nothing(string path, string? body)
    {
        var before = await RunCountAsync();

        using var anonymous = await dashboard.PostAsync(path, body, token: null);
        using var wrong = await dashboard.PostAsync(path, body, token: "not-the-dashboard-token-000000");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("token", await anonymous.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await RunCountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/scenarios")]
    [InlineData("api/runs")]
    [InlineData("api/sweeps")]
    [InlineData("api/info")]
    [InlineData("orleans/")]
    [InlineData("lib/chart.umd.min.js")]
    [InlineData("lib/signalr.min.js")]
    public async Task Read_only_pages_are_open(string path)
    {
        using var response = await dashboard.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Page_may_load_scripts_from_this_server_only()
    {
        using var response = await dashboard.Http.GetAsync("");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("http", System.Text.RegularExpressions.Regex.Replace(html, "<!--.*?-->", "", System.Text.RegularExpressions.RegexOptions.Singleline), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_listens_on_the_loopback_interface_by_default()
    {
        Assert.Equal("http://127.0.0.1:5080", new DashboardSettings().Urls);
        Assert.All(dashboard.App.Urls, u => Assert.StartsWith("http://127.0.0.1:", u, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "scenario": "no-such-scenario" }""", "$.scenario", "shipped scenarios: ")]
    [InlineData("""{ "scenario": "../scenarios/quickstart" }""", "$.scenario", "shipped scenarios: ")]
    [InlineData("""{ "scenario": 3 }""", "$.scenario", "found a number")]
    [InlineData("""{ "scenario": "quickstart", "definition": {} }""", "$", "exactly one of")]
    [InlineData("""{ }""", "$", "exactly one of")]
    [InlineData("""{ "scenario": "quickstart", "seed": -1 }""", "$.seed", "integer >= 0")]
    [InlineData("""{ "scenario": "quickstart", "seed": 1.5 }""", "$.seed", "integer >= 0")]
    [InlineData("""{ "scenario": "quickstart", "colour": "red" }""", "$.colour", "unknown field")]
    [InlineData("""{ "definition": { "name": "x", "ticks": 0, "vendors": [] } }""", "$.definition.ticks", "found 0")]
    [InlineData("""{ "definition": "{ \"name\": \"x\", " }""", "$.definition", "not valid JSON")]
    [InlineData("""{ "definition": 7 }""", "$.definition", "expected a scenario object")]
    [InlineData("""[ "quickstart" ]""", "$", "expected an object")]
    [InlineData("""{ "scenario": """, "$", "not valid JSON")]
    public async Task Invalid_start_request_gets_400_naming_the_json_path(string body, string path, string message)
    {
        var before = await RunCountAsync();

        using var response = await dashboard.PostAsync("api/runs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e =>
            e.GetProperty("path").GetString() == path && e.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await RunCountAsync());
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/etc")]
    [InlineData("corpus/../../")]
    public async Task A_posted_scenario_that_names_a_folder_outside_the_data_folder_gets_400_and_no_run(string path)
    {
        var before = await RunCountAsync();
        var scenario = $$"""{ "name": "reader", "data": { "kind": "text", "text": { "source": "folder", "path": {{JsonSerializer.Serialize(path)}} } }, "vendors": [ { "name": "a" } ] }""";

        using var response = await dashboard.PostAsync("api/runs", $$"""{ "definition": {{scenario}} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("path").GetString() == "$.definition.data.text.path");
        Assert.Equal(before, await RunCountAsync());
    }

    [Fact]
    public async Task A_posted_scenario_may_read_a_corpus_under_the_data_folder()
    {
        var scenario = """
            { "name": "reader", "ticks": 1, "data": { "kind": "text", "text": { "source": "folder", "path": "corpus", "documentTokens": 32 } },
              "humans": { "authors": 4, "initialDocuments": 20, "documentsPerTick": 0 }, "vendors": [ { "name": "a", "deployment": { "documentsPerTick": 5 } } ],
              "metrics": { "heldOutDocuments": 5, "samplesPerTick": 0 } }
            """;

        using var response = await dashboard.PostAsync("api/runs", $$"""{ "definition": {{scenario}} }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_refused()
    {
        var padding = new string(' ', (int)new DashboardSettings().MaxRequestBytes);

        using var response = await dashboard.PostAsync("api/runs", $$"""{ "scenario": "quickstart" {{padding}} }""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 262,144 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/runs/bad%20id/pause", HttpStatusCode.BadRequest)]
    [InlineData("api/runs/-starts-with-dash/stop", HttpStatusCode.BadRequest)]
    [InlineData("api/runs/no-such-run/resume", HttpStatusCode.NotFound)]
    [InlineData("api/runs/no-such-run/fork", HttpStatusCode.NotFound)]
    public async Task Run_ids_must_be_well_formed_and_known(string path, HttpStatusCode expected)
    {
        using var response = await dashboard.PostAsync(path, """{ "at": 1, "set": [] }""");

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(expected == HttpStatusCode.NotFound ? "There is no run" : "is not a run id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> RunCountAsync() =>
        (await JsonDocument.ParseAsync(await dashboard.Http.GetStreamAsync("api/runs"))).RootElement.GetArrayLength();
}
