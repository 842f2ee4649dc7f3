namespace Ecosystem.Cli.Tests;

public sealed class BaseCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecosystem-base-cli-" + Guid.NewGuid().ToString("N"));

    public BaseCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Build_lists_and_removes_a_base_by_its_key()
    {
        var scenario = Path.Combine(_folder, "tiny.json");
        await File.WriteAllTextAsync(scenario, """
            { "name": "tiny", "data": { "kind": "text", "text": { "documentTokens": 16, "genres": ["humor"] } },
              "vendors": [ { "name": "a", "model": { "family": "transformer",
                "transformer": { "layers": 1, "heads": 2, "width": 16, "context": 16, "vocabularyLimit": 300, "device": "cpu" },
                "base": { "epochs": 1, "maxTokens": 4000 } }, "training": { "initialWeights": "base" } } ] }
            """);
        var cache = Path.Combine(_folder, "bases");

        var built = await CliInvocation.InProcessAsync("base", "build", scenario, "--cache", cache);
        var again = await CliInvocation.InProcessAsync("base", "build", scenario, "--cache", cache);
        var listed = await CliInvocation.InProcessAsync("base", "list", "--cache", cache);
        var key = listed.Output.Split('\n')[1].Split(' ')[0];
        var removed = await CliInvocation.InProcessAsync("base", "remove", key, "--cache", cache);
        var missing = await CliInvocation.InProcessAsync("base", "remove", key, "--cache", cache);
        var empty = await CliInvocation.InProcessAsync("base", "list", "--cache", cache);

        Assert.Equal(0, built.ExitCode);
        Assert.Contains("a: built in", built.Output);
        Assert.Contains("a: already cached", again.Output);
        Assert.Contains("intact", listed.Output);
        Assert.Equal(16, key.Length);
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no cached base", missing.Error);
        Assert.Contains("No cached bases", empty.Output);
    }

    [Fact]
    public async Task Build_refuses_a_scenario_without_a_base_and_remove_wants_a_key()
    {
        var scenario = Path.Combine(_folder, "plain.json");
        await File.WriteAllTextAsync(scenario, """{ "name": "plain", "vendors": [ { "name": "a" } ] }""");

        var build = await CliInvocation.InProcessAsync("base", "build", scenario, "--cache", _folder);
        var remove = await CliInvocation.InProcessAsync("base", "remove", "--cache", _folder);

        Assert.Equal(2, build.ExitCode);
        Assert.Contains("vendors[*].model.base", build.Error);
        Assert.Equal(2, remove.ExitCode);
        Assert.Contains("key: missing", remove.Error);
    }
}
