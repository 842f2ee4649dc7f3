using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Cli.Tests;

/// <summary><c>humans.genreRates</c> on a real run: the authors of a genre at rate 0 publish nothing, and a genre the
/// corpus does not have is an input error naming the corpus's genres.</summary>
public sealed class GenreRateTests : IDisposable
{
    private readonly TinyRun _run = new();

    [Fact]
    public async Task Authors_of_a_genre_at_rate_zero_publish_nothing_while_the_others_keep_their_share()
    {
        var silenced = await GenreSharesAsync("silenced", new JsonObject { ["fiction"] = 0 });
        var even = await GenreSharesAsync("even", null);

        // The tiny corpus is half news, half fiction, and so are its four authors.
        Assert.Equal(0.5, even["fiction"], 9);
        Assert.Equal(0, silenced["fiction"]);
        Assert.Equal(1, silenced["news"]);
    }

    [Fact]
    public async Task A_genre_the_corpus_does_not_have_is_an_input_error_naming_its_genres()
    {
        var scenario = _run.Scenario(s => s["humans"]!["genreRates"] = new JsonObject { ["poetry"] = 2 });

        var result = await CliInvocation.InProcessAsync("run", scenario, "--out", _run.OutputDirectory, "--no-plots");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(result.ShowsCrash, result.Error);
        Assert.Contains("humans.genreRates: \"poetry\" is not a genre of the corpus; its genres are", result.Error);
        Assert.Contains("\"fiction\"", result.Error);
    }

    public void Dispose() => _run.Dispose();

    /// <summary>The corpus's genre shares after the last tick of a run where only people publish.</summary>
    private async Task<Dictionary<string, double>> GenreSharesAsync(string name, JsonObject? rates)
    {
        var folder = Path.Combine(_run.Directory, name);
        var scenario = _run.Scenario(s =>
        {
            s["humans"]!["documentsPerTick"] = 8;
            if (rates is not null)
            {
                s["humans"]!["genreRates"] = rates;
            }

            s["vendors"]![0]!["deployment"]!["documentsPerTick"] = 0;
        });
        var result = await CliInvocation.InProcessAsync("run", scenario, "--out", folder, "--no-plots");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var rows = MetricsCsv.Read(Path.Combine(folder, RunFiles.Metrics));
        var last = rows.Max(r => r.Tick);
        return rows.Where(r => r.Tick == last && r.Vendor.Length == 0 && r.Metric == MetricNames.GenreShare).ToDictionary(r => r.Label, r => r.Value);
    }
}
