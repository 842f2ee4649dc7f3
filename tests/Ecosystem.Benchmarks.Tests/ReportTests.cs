using Ecosystem.Benchmarks.Engine;
using Ecosystem.Benchmarks.NGram;
using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

public class ReportTests
{
    private static IReadOnlyList<BenchmarkResult> EngineFigures()
    {
        var few = new[] { EngineRunTests.Run() };
        var many = new[] { EngineRunTests.Run(tickSeconds: 2) with { Case = new EngineCase(10_000, 1_000, 3) } };
        return [.. EngineSuite.Summarize(few[0].Case, EngineConfiguration.Full, few), .. EngineSuite.Summarize(many[0].Case, EngineConfiguration.Full, many)];
    }

    private static IReadOnlyList<BenchmarkResult> NGramFigures()
    {
        var nltk = NGramComparisonTests.Nltk([0.5, 0.0, 0.25], [0.5], [2]);
        var ours = new OurNGramMeasurement(50_000, 0.02, 1e7, 5e6, [0.4, 0.001, 0.2], 9_000, 900, 130_000);
        var comparison = NGramComparison.From(ours.Probabilities, nltk, 0.75, 50_257);
        return NGramSuite.Rows(50_000, NGramConfiguration.Full, ours, nltk, comparison);
    }

    [Fact]
    public void The_engine_report_has_a_throughput_a_time_breakdown_and_a_memory_row_per_case()
    {
        var report = EngineReport.Build(EngineFigures());

        Assert.Equal(3, report.Tables.Count);
        Assert.All(report.Tables, t => Assert.Equal(["authors-1000", "authors-10000"], t.Rows.Select(r => r[0])));
        Assert.Equal("750", report.Tables[0].Rows[0][4]);
        Assert.Equal("375", report.Tables[0].Rows[1][4]);
        // Humans publish in the fixture's steady ticks: 0.5 and 1 s (median 0.75), then twice that.
        Assert.Equal("humans publish", report.Tables[1].Columns[2]);
        Assert.Equal(Figures.Seconds(0.75), report.Tables[1].Rows[0][2]);
        Assert.Equal(Figures.Seconds(1.5), report.Tables[1].Rows[1][2]);
        Assert.Contains(report.Notes, n => n.Contains("-50%", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("through 40 cohort grains instead of 4", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("- authors-1000 (16-token documents): at least 250,000 documents/s in steady state: 750 (0% of it), missed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_document_case_is_held_to_its_own_bar_and_left_out_of_the_authors_comparison()
    {
        var run = EngineRunTests.Run() with { Case = new EngineCase(1_000, 1_000, 3, 128, Repost: true) };
        var report = EngineReport.Build([.. EngineFigures(), .. EngineSuite.Summarize(run.Case, EngineConfiguration.Full, [run])]);

        Assert.Equal(["authors-1000", "authors-10000", "authors-1000-tokens-128"], report.Tables[0].Rows.Select(r => r[0]));
        Assert.Equal("128", report.Tables[0].Rows[2][2]);
        Assert.Contains(report.Notes, n => n.Contains("- authors-1000-tokens-128 (128-token documents): at least 100,000 documents/s", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("through 40 cohort grains instead of 4", StringComparison.Ordinal));
        Assert.Contains("authors repost", report.Introduction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ngram_report_puts_both_models_side_by_side_with_speed_ratios()
    {
        var report = EngineReport.Build([]);
        Assert.Empty(report.Tables);

        var ngram = NGramReport.Build(NGramFigures());

        var table = Assert.Single(ngram.Tables);
        Assert.Equal(["", "ecosystem", "NLTK", "ecosystem vs NLTK"], table.Columns);
        var fit = table.Rows.Single(r => r[0] == "fit");
        Assert.Equal(["fit", "20 ms", "2.50 s", "125× faster"], fit);
        Assert.Contains(table.Rows, r => r[2] == "∞ (1 tokens get p = 0)");
    }

    [Fact]
    public void Results_markdown_has_a_section_per_recorded_suite_with_its_machine_and_peers()
    {
        var document = ResultsDocument.Empty
            .With(Samples.Run("engine"), EngineFigures())
            .With(Samples.Run("ngram", peers: new Dictionary<string, string> { ["nltk"] = "3.8" }), NGramFigures())
            .With(Samples.Run("future"), [Samples.Result("future", "x", "speed", 12)]);

        var markdown = ResultsMarkdown.Render(document, (suite, figures) => BenchmarkSuites.Find(suite)?.Report(figures));

        Assert.Contains("## Engine", markdown, StringComparison.Ordinal);
        Assert.Contains("## n-gram model vs NLTK", markdown, StringComparison.Ordinal);
        Assert.Contains("## future", markdown, StringComparison.Ordinal);
        Assert.Contains("| speed | 12.0 | unit |", markdown, StringComparison.Ordinal);
        Assert.Contains("on 2 cores (Test CPU), 24.0 GiB memory", markdown, StringComparison.Ordinal);
        Assert.Contains("peers: nltk 3.8", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_by_side_tables_have_a_column_per_implementation_and_leave_unmeasured_cells_blank()
    {
        BenchmarkResult[] results =
        [
            new("transformer", "small", "TorchSharp", "training", 2_000, "tokens/s"),
            new("transformer", "small", "PyTorch", "training", 1_000, "tokens/s"),
            new("transformer", "small", "ratio", "training", 2, "TorchSharp / PyTorch"),
            new("transformer", "small", "TorchSharp", "parameters", 123_456, "count"),
        ];

        var table = Assert.Single(SideBySideTables.From(results));

        Assert.Equal(["metric", "TorchSharp", "PyTorch", "ratio", "unit"], table.Columns);
        Assert.Equal(["training", "2,000", "1,000", "2.00", "tokens/s, TorchSharp / PyTorch"], table.Rows[0]);
        Assert.Equal(["parameters", "123,456", "", "", "count"], table.Rows[1]);
    }
}
