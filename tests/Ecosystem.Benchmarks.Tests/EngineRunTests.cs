using Ecosystem.Benchmarks.Engine;

namespace Ecosystem.Benchmarks.Tests;

public class EngineRunTests
{
    internal static EngineRun Run(double tickSeconds = 1, long bytesPerDocument = 300) => new(
        new EngineCase(1_000, 1_000, 3),
        [
            new TickFigures(0, 5, 1_000, 1_000, 1_000, Spans(4, 5)),
            new TickFigures(1, tickSeconds, 1_000, 1_000, 2_000, Spans(tickSeconds / 2, tickSeconds)),
            new TickFigures(2, 3 * tickSeconds, 2_000, 2_000, 4_000, Spans(tickSeconds, 3 * tickSeconds)),
        ],
        new MemorySnapshot(40_000_000, 200_000_000),
        new MemorySnapshot(50_000_000, 210_000_000),
        new MemorySnapshot(50_000_000 + 3_000 * bytesPerDocument, 220_000_000),
        90_000_000,
        300_000_000);

    private static Dictionary<string, double> Spans(double humansPublish, double tick) => new()
    {
        [EngineMetrics.Spans[1].Span] = humansPublish,
        [EngineMetrics.Spans[^1].Span] = tick,
    };

    [Fact]
    public void Steady_state_leaves_out_the_first_tick_which_also_starts_the_run()
    {
        var run = Run();

        Assert.Equal(3_000 / 4.0, run.DocumentsPerSecond);
        Assert.Equal(3_000 / 4.0, run.IngestedPerSecond);
        Assert.Equal(2, run.MedianTickSeconds);
        Assert.Equal(5, run.FirstTickSeconds);
    }

    [Fact]
    public void Bytes_per_document_held_is_live_heap_growth_over_the_documents_gained_after_the_first_tick()
    {
        var run = Run(bytesPerDocument: 345);

        Assert.Equal(345, run.BytesPerDocumentHeld, 9);
        Assert.Equal(4_000, run.DocumentsHeld);
    }

    [Fact]
    public void A_case_is_summarized_by_medians_over_its_runs_and_the_range_of_documents_per_second()
    {
        var runs = new[] { Run(tickSeconds: 1), Run(tickSeconds: 2), Run(tickSeconds: 4) };

        var figures = EngineSuite.Summarize(runs[0].Case, EngineConfiguration.Quick, runs).ToDictionary(r => r.Metric, r => r.Value);

        Assert.Equal(3_000 / 8.0, figures[EngineMetrics.DocumentsPerSecond]);
        Assert.Equal(3_000 / 16.0, figures[EngineMetrics.DocumentsPerSecondMin]);
        Assert.Equal(3_000 / 4.0, figures[EngineMetrics.DocumentsPerSecondMax]);
        Assert.Equal(4, figures[EngineMetrics.TickSeconds]);
        Assert.Equal(3, figures[EngineMetrics.Runs]);
        // Per run the median of ticks 1 and 2 (0.75, 1.5, 3 for humans publish), then the median over the runs.
        Assert.Equal(1.5, figures["span_humans_publish_seconds"]);
        Assert.Equal(4, figures["span_tick_seconds"]);
        Assert.Equal(0, figures["span_measure_seconds"]);
    }

    [Fact]
    public void The_engine_scenario_is_a_valid_scenario_with_one_vendor_that_publishes_nothing()
    {
        var scenario = EngineScenario.Build(new EngineCase(10_000, 10_000, 6));

        Assert.Equal(10_000, scenario.Humans.Authors);
        Assert.Equal(6, scenario.Ticks);
        var vendor = Assert.Single(scenario.Vendors);
        Assert.Equal(0, vendor.Deployment.DocumentsPerTick);
        Assert.Equal(1, vendor.Model.Order);
        Assert.Equal(EngineCase.ShortDocumentTokens, scenario.Data.Text.DocumentTokens);
        Assert.False(scenario.Humans.Repost);
        Assert.Equal("authors-10000", new EngineCase(10_000, 10_000, 6).Name);
    }

    [Fact]
    public void The_long_document_case_publishes_128_token_documents_and_reposts()
    {
        var engineCase = EngineConfiguration.Full.Cases.Single(c => c.DocumentTokens == EngineConfiguration.LongDocumentTokens);
        var scenario = EngineScenario.Build(engineCase);

        Assert.Equal("authors-10000-tokens-128", engineCase.Name);
        Assert.Equal(128, scenario.Data.Text.DocumentTokens);
        Assert.True(scenario.Humans.Repost);
        Assert.Equal(10_000, scenario.Humans.DocumentsPerTick);
    }
}
