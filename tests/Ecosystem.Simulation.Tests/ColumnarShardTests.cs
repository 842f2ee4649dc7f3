using Ecosystem.Grains.Corpus;
using Ecosystem.Runner;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Ecosystem.Simulation.Tests;

/// <summary>Columnar shards, with their sealed segments on the heap or read back from Arrow files, give the numbers the
/// object-based shards gave.</summary>
public sealed class ColumnarShardTests
{
    [Fact]
    public async Task Segments_read_back_from_their_files_give_the_metrics_of_the_object_based_shards()
    {
        // Written by the object-based shards (one Document object per document, segments serialized whole) on the
        // determinism test's text scenario; a change of the science that moves these numbers must write it again.
        var expected = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "determinism-text.object-shards.metrics.csv"));

        await using var cluster = await TestClusterHandle.StartAsync(1, new Dictionary<string, string> { [TestClusterHandle.CorpusMemoryKey] = "0" });
        var run = await ScenarioRuns.RunAsync(cluster, ScenarioRuns.Parse(DeterminismTests.TextScenario));

        var budget = ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services.GetRequiredService<SegmentMemoryBudget>();
        Assert.True(budget.Dropped > 0, "segments were dropped from memory and read back from their files");
        // The corpus-wide sketch rows came after the object-based shards; every other row must be the same, byte for byte.
        var written = (await File.ReadAllLinesAsync(Path.Combine(run.OutputDirectory, RunFiles.Metrics)))
            .Where(line => !line.Contains(",corpus_distinct_ngrams,", StringComparison.Ordinal) && !line.Contains(",corpus_distinct_2,", StringComparison.Ordinal));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), string.Join('\n', written) + "\n");
    }

    [Fact]
    public async Task Whole_web_crawls_draw_the_same_documents_from_segment_files_as_from_memory()
    {
        await using var held = await TestClusterHandle.StartAsync(1);
        var fromMemory = await ScenarioRuns.RunAsync(held, ScenarioRuns.Parse(DeterminismTests.WebCrawlScenario));
        await using var dropped = await TestClusterHandle.StartAsync(1, new Dictionary<string, string> { [TestClusterHandle.CorpusMemoryKey] = "0" });
        var fromFiles = await ScenarioRuns.RunAsync(dropped, ScenarioRuns.Parse(DeterminismTests.WebCrawlScenario));

        var budget = ((InProcessSiloHandle)dropped.Cluster.Primary!).SiloHost.Services.GetRequiredService<SegmentMemoryBudget>();
        Assert.True(budget.Dropped > 0, "segments were dropped from memory, so crawls drew from their files");
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(fromMemory.OutputDirectory, RunFiles.Metrics)),
            await File.ReadAllBytesAsync(Path.Combine(fromFiles.OutputDirectory, RunFiles.Metrics)));
    }
}
