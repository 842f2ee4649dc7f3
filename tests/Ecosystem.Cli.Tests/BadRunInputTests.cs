using Ecosystem.Corpus;
using Ecosystem.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Cli.Tests;

/// <summary>Bad input that only shows once a run starts: a corrupt corpus, a full disk, a run that outgrows its
/// document cap. Each gives a clear error and a non-zero exit code, and no run folder that looks complete.
/// <c>ecosystem run</c> runs in process (an embedded silo each), except where the environment must differ.</summary>
public sealed class BadRunInputTests : IDisposable
{
    private readonly TinyRun _run = new();

    [Fact]
    public async Task The_tiny_run_completes_when_nothing_is_wrong()
    {
        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(_run.OutputDirectory).Status);
    }

    [Fact]
    public async Task A_corrupt_jsonl_corpus_line_is_an_input_error_naming_the_file_and_line()
    {
        var lines = File.ReadAllLines(_run.CorpusPath);
        lines[6] = lines[6][..20];
        File.WriteAllLines(_run.CorpusPath, lines);

        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains($"Corpus '{_run.CorpusPath}', line 7: is not valid JSON", result.Error);
        AssertNotComplete(_run.OutputDirectory);
    }

    [Fact]
    public async Task A_binary_file_in_a_folder_corpus_is_an_input_error_naming_the_file()
    {
        var folder = Path.Combine(_run.Directory, "texts", "news");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), string.Join(' ', Enumerable.Repeat("the river town said that the market opened early.", 40)));
        var damaged = Path.Combine(folder, "b.txt");
        File.WriteAllBytes(damaged, [.. "PK"u8, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE]);
        var scenario = _run.Scenario(s => s["data"]!["text"] = new System.Text.Json.Nodes.JsonObject { ["source"] = "folder", ["path"] = "texts", ["documentTokens"] = 16 });

        var result = await CliInvocation.InProcessAsync("run", scenario, "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains($"Corpus '{damaged}'", result.Error);
        AssertNotComplete(_run.OutputDirectory);
    }

    [Fact]
    public async Task A_damaged_brown_cache_stops_a_real_process_with_exit_code_2_and_how_to_repair_it()
    {
        // The cache folder comes from the environment, so this one runs as its own process with a damaged copy.
        var cache = Path.Combine(_run.Directory, "cache");
        var brown = await new BrownCorpusFetcher().EnsureAsync();
        var copy = Path.Combine(cache, "brown", Path.GetFileName(brown));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(brown))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var damaged = Path.Combine(copy, "ca01");
        var noise = new byte[4000];
        new Random(3).NextBytes(noise);
        File.WriteAllBytes(damaged, noise);
        var scenario = _run.Scenario(s => s["data"]!["text"] = new System.Text.Json.Nodes.JsonObject { ["documentTokens"] = 16, ["maxDocuments"] = 50 });

        var result = await CliInvocation.ProcessAsync(TimeSpan.FromMinutes(2), new Dictionary<string, string> { [CorpusCache.EnvironmentVariable] = cache },
            "run", scenario, "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains($"Corpus '{damaged}': is not UTF-8 text", result.Error);
        Assert.Contains($"delete '{copy}'", result.Error);
        AssertNotComplete(_run.OutputDirectory);
    }

    [Theory]
    [InlineData("option")]
    [InlineData("scenario")]
    public async Task A_run_that_outgrows_its_document_cap_stops_with_an_error_after_the_tick_that_passed_it(string where)
    {
        // About 20 documents a tick (10 by people, 10 by the model): the cap of 25 is passed in the second tick.
        var scenario = _run.Scenario(s =>
        {
            if (where == "scenario")
            {
                s["limits"] = new System.Text.Json.Nodes.JsonObject { ["maxCorpusDocuments"] = 25 };
            }
        });
        string[] cap = where == "option" ? ["--max-documents", "25"] : [];

        var result = await CliInvocation.InProcessAsync(["run", scenario, "--out", _run.OutputDirectory, "--no-plots", .. cap]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains("more than the cap of 25", result.Error);
        var manifest = RunOutput.ReadManifest(_run.OutputDirectory);
        Assert.Equal(RunStatusKind.Failed, manifest.Status);
        Assert.Contains("cap", manifest.Error);
        Assert.InRange(manifest.CompletedTicks, 1, 2);
        var ticks = MetricsCsv.Read(Path.Combine(_run.OutputDirectory, RunFiles.Metrics)).Select(r => r.Tick).Distinct().Order();
        Assert.Equal(Enumerable.Range(0, manifest.CompletedTicks), ticks);
    }

    [Fact]
    public async Task A_cap_below_one_document_is_an_invalid_option()
    {
        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory, "--max-documents", "0");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--max-documents: found 0", result.Error);
        Assert.False(Directory.Exists(_run.OutputDirectory));
    }

    // A full disk, without root: the run's file is a link to /dev/full, where every write fails with ENOSPC
    // ("No space left on device"), as on a full file system.
    [Theory]
    [InlineData(RunFiles.Samples)]
    [InlineData(RunFiles.Metrics)]
    public async Task A_full_disk_while_writing_the_run_fails_the_run_and_run_json_never_says_completed(string file)
    {
        Directory.CreateDirectory(_run.OutputDirectory);
        File.CreateSymbolicLink(Path.Combine(_run.OutputDirectory, file), "/dev/full");

        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains("No space left on device", result.Error);
        AssertNotComplete(_run.OutputDirectory);
        if (File.Exists(Path.Combine(_run.OutputDirectory, RunFiles.Manifest)))
        {
            var manifest = RunOutput.ReadManifest(_run.OutputDirectory);
            Assert.Equal(RunStatusKind.Failed, manifest.Status);
            Assert.Contains("No space left on device", manifest.Error);
        }
    }

    [Fact]
    public async Task A_full_disk_while_drawing_the_plots_is_reported_after_a_complete_run()
    {
        var plots = Path.Combine(_run.OutputDirectory, RunFiles.Plots);
        Directory.CreateDirectory(plots);
        File.CreateSymbolicLink(Path.Combine(plots, "distinct_2.png"), "/dev/full");

        var result = await CliInvocation.InProcessAsync("run", _run.Scenario(), "--out", _run.OutputDirectory);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains("The run completed, but its plots could not be written", result.Error);
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(_run.OutputDirectory).Status);
    }

    [Fact]
    public async Task An_unreachable_object_store_stops_a_real_process_with_exit_code_1_naming_the_store()
    {
        // The store's settings come from the environment, so this one runs as its own process; nothing listens on the port.
        var port = ClosedPort();
        var endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
        var environment = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "azure",
            ["Storage__AzureConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=bm90LWEta2V5;BlobEndpoint={endpoint};",
            ["Storage__AzureContainer"] = "runs",
        };

        var result = await CliInvocation.ProcessAsync(TimeSpan.FromMinutes(1), environment, "run", _run.Scenario(), "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"The blob store (Azure blob container 'runs' at {endpoint}) cannot be reached: Connection refused", result.Error);
        Assert.DoesNotContain("bm90LWEta2V5", result.Output + result.Error);
        AssertNotComplete(_run.OutputDirectory);
    }

    public void Dispose() => _run.Dispose();

    /// <summary>A localhost port nothing listens on: free now, and closed again at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>No run.json, or one that does not say "completed".</summary>
    private static void AssertNotComplete(string directory)
    {
        if (File.Exists(Path.Combine(directory, RunFiles.Manifest)))
        {
            Assert.NotEqual(RunStatusKind.Completed, RunOutput.ReadManifest(directory).Status);
        }
    }
}
