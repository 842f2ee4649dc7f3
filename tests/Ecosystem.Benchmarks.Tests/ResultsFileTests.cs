using System.Text.Json;
using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

public class ResultsFileTests
{
    [Fact]
    public void Written_results_read_back_equal_with_machine_facts_and_peers()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "nested", ResultsFile.Name);
        var run = Samples.Run("ngram", peers: new Dictionary<string, string> { ["nltk"] = "3.8" });
        var document = ResultsDocument.Empty.With(run, [Samples.Result("ngram", "train-50k", "fit_seconds", 0.123456789012345)]);

        ResultsFile.Write(path, document);
        var read = ResultsFile.Read(path);

        Assert.Equal(document.Results, read.Results);
        var readRun = Assert.Single(read.Runs);
        Assert.Equal(run.Machine, readRun.Machine);
        Assert.Equal(run.Date, readRun.Date);
        Assert.Equal("3.8", readRun.Peers["nltk"]);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Every_figure_is_written_with_suite_case_implementation_metric_value_and_unit()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, ResultsFile.Name);
        ResultsFile.Write(path, ResultsDocument.Empty.With(Samples.Run("engine"), [new BenchmarkResult("engine", "authors-1000", "embedded silo", "documents_per_second", 42_000, "documents/s")]));

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var figure = json.RootElement.GetProperty("results")[0];
        Assert.Equal(["suite", "case", "implementation", "metric", "value", "unit"], figure.EnumerateObject().Select(p => p.Name));
        Assert.Equal(42_000, figure.GetProperty("value").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("runs")[0].GetProperty("machine").GetProperty("cores").GetInt32());
    }

    [Fact]
    public void A_missing_file_reads_as_no_results()
    {
        using var folder = new TempDirectory();
        var read = ResultsFile.Read(Path.Combine(folder.Path, ResultsFile.Name));
        Assert.Empty(read.Runs);
        Assert.Empty(read.Results);
    }
}
