using Ecosystem.Benchmarks.Results;
using Ecosystem.Benchmarks.WebScale;
using Ecosystem.Scenarios;

namespace Ecosystem.Benchmarks.Tests;

public class WebScaleReportTests
{
    private static BenchmarkResult Figure(string @case, string metric, double value) =>
        new(WebScaleSuite.SuiteName, @case, WebScaleSuite.Implementation, metric, value, "");

    [Theory]
    [InlineData(800, 3.5, "met", "met")]
    [InlineData(901, 4.1, "missed", "missed")]
    public void The_whole_run_is_held_against_the_bars_and_every_tick_gets_a_row(double seconds, double gibibytes, string time, string memory)
    {
        var report = WebScaleReport.Build(
        [
            Figure(WebScaleMetrics.WholeRun, WebScaleMetrics.WallSeconds, seconds),
            Figure(WebScaleMetrics.WholeRun, WebScaleMetrics.PeakWorkingSet, gibibytes * 1024 * 1024 * 1024),
            Figure(WebScaleMetrics.WholeRun, WebScaleMetrics.Documents, 10_400_000),
            Figure(WebScaleMetrics.TickCase(0), WebScaleMetrics.TickSeconds, 30),
            Figure(WebScaleMetrics.TickCase(1), WebScaleMetrics.TickSeconds, 40),
        ]);

        var whole = report.Tables[0].Rows.Single();
        Assert.Equal("10,400,000", whole[0]);
        Assert.StartsWith(time, whole[2], StringComparison.Ordinal);
        Assert.StartsWith(memory, whole[5], StringComparison.Ordinal);
        Assert.Equal(["00", "01"], report.Tables[1].Rows.Select(r => r[0]));
    }

    [Fact]
    public void The_shipped_scenario_publishes_ten_million_documents_from_100000_authors_and_its_smoke_size_is_a_hundredth()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot.Find(), "scenarios", "web-scale.json"));
        var human = scenario.Humans.InitialDocuments + ((long)scenario.Humans.DocumentsPerTick * scenario.Ticks);
        var synthetic = scenario.Vendors.Sum(v => (long)v.Deployment.DocumentsPerTick) * scenario.Ticks;

        Assert.Equal(100_000, scenario.Humans.Authors);
        Assert.Equal(128, scenario.Data.Text.DocumentTokens);
        Assert.Equal(3, scenario.Vendors.Count);
        Assert.True(human + synthetic >= 10_000_000, $"{human + synthetic} documents");
        Assert.True(scenario.Humans.Repost);

        var small = WebScaleSuite.Shrink(scenario, 100);
        Assert.Equal(1_000, small.Humans.Authors);
        Assert.Equal(scenario.Humans.DocumentsPerTick / 100, small.Humans.DocumentsPerTick);
        Assert.All(small.Vendors, v => Assert.True(v.Training.CrawlBudget < 10_000));
    }
}
