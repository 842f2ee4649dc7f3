using Ecosystem.Abstractions.Metrics;
using Ecosystem.Cli;
using Ecosystem.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Simulation.Tests;

/// <summary>The command line end to end, in process: exit codes, errors that name the field, the files a run writes.</summary>
[Collection(ConsoleCollection.Name)]
public class CommandLineTests
{
    private static async Task<(int ExitCode, string Out, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CommandLine.Build().Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecosystem-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Validate_accepts_a_shipped_scenario()
    {
        var (code, output, _) = await InvokeAsync("validate", Path.Combine(AppContext.BaseDirectory, "scenarios", "quickstart.json"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("valid scenario 'quickstart'", output);
    }

    [Fact]
    public async Task Validate_rejects_a_bad_field_with_exit_code_2_naming_the_field_and_the_allowed_values()
    {
        var path = TempFile("""{ "name": "bad", "vendors": [ { "name": "a", "training": { "policy": "keep-everything" } } ] }""");

        var (code, _, error) = await InvokeAsync("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("$.vendors[0].training.policy", error);
        Assert.Contains("\"keep-everything\"", error);
        Assert.Contains("\"replace\", \"accumulate\"", error);
    }

    [Fact]
    public async Task Run_rejects_an_invalid_scenario_with_exit_code_2_and_writes_nothing()
    {
        var path = TempFile("""{ "name": "bad", "ticks": -3, "vendors": [ { "name": "a" } ] }""");
        var output = Path.Combine(Path.GetTempPath(), $"ecosystem-cli-out-{Guid.NewGuid():N}");

        var (code, _, error) = await InvokeAsync("run", path, "--out", output);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("$.ticks", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Run_writes_metrics_manifest_samples_and_plots()
    {
        var path = TempFile("""
            {
              "name": "cli-run", "seed": 3, "ticks": 3,
              "data": { "kind": "text", "text": { "documentTokens": 64, "maxDocuments": 300 } },
              "humans": { "authors": 20, "documentsPerTick": 40 },
              "vendors": [ { "name": "acme", "deployment": { "documentsPerTick": 60 } } ],
              "metrics": { "heldOutDocuments": 40 }
            }
            """);
        var output = Path.Combine(Path.GetTempPath(), $"ecosystem-cli-out-{Guid.NewGuid():N}");

        var (code, stdout, error) = await InvokeAsync("run", path, "--out", output, "--seed", "8");

        Assert.True(code == ExitCodes.Success, error);
        var manifest = RunOutput.ReadManifest(output);
        Assert.Equal(RunStatusKind.Completed, manifest.Status);
        Assert.Equal(8, manifest.Seed);
        Assert.Equal(3, manifest.CompletedTicks);
        var rows = MetricsCsv.Read(Path.Combine(output, RunFiles.Metrics));
        Assert.Equal([0, 1, 2], rows.Select(r => r.Tick).Distinct().Order());
        Assert.Contains(rows, r => r.Metric == MetricNames.SyntheticShareDocuments);
        Assert.NotEmpty(File.ReadAllLines(Path.Combine(output, RunFiles.Samples)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, RunFiles.Plots), "*.png"));
        Assert.Contains("acme", stdout);

        var (again, _, againError) = await InvokeAsync("run", path, "--out", output);
        Assert.Equal(ExitCodes.InvalidInput, again);
        Assert.Contains("already holds a run", againError);
    }
}

/// <summary>Tests that redirect the process-wide console must not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}
