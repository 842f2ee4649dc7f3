using Ecosystem.Cluster.Tests;
using Ecosystem.Runner;

namespace Ecosystem.Simulation.Tests;

/// <summary>The object store lost in the middle of a run (Azurite killed after the first tick): the ticks that fail are
/// retried, and when the store stays away the run stops with an error naming it, and run.json says "failed".</summary>
public sealed class ObjectStoreOutageTests : IDisposable
{
    private const string Scenario = """
        {
          "name": "store-outage", "seed": 5, "ticks": 4,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 32, "maxDocuments": 200 } },
          "humans": { "authors": 10, "initialDocuments": 60, "documentsPerTick": 20 },
          "vendors": [ { "name": "acme", "deployment": { "documentsPerTick": 30 } } ],
          "metrics": { "heldOutDocuments": 20 }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosystem-store-outage", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_run_whose_object_store_dies_fails_with_an_error_naming_the_store_and_never_says_completed()
    {
        await using var azurite = await AzuriteServer.StartAsync(Path.Combine(_root, "azurite"));
        await using var cluster = await TestClusterHandle.StartAsync(1, azurite.StorageEnvironment("outage")
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value));
        var folder = Path.Combine(_root, "run");
        // Two quick attempts instead of eight over a minute: the store does not come back. Releasing the run would only
        // fail the same way, request after request.
        var runner = new ScenarioRunner(cluster.Cluster.Client) { KeepStateOfUnfinishedRuns = true, Retries = new TickRetryPolicy(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)) };
        var killAfterFirstTick = new InlineProgress(p =>
        {
            if (p.CompletedTicks == 1 && p.Training.Count == 0)
            {
                azurite.Kill();
            }
        });

        var failure = await Assert.ThrowsAsync<ClusterFaultException>(() => runner.RunAsync(ScenarioRuns.Parse(Scenario), folder, killAfterFirstTick));

        Assert.Contains($"The blob store (Azure blob container 'outage' at {azurite.BlobEndpoint}) failed to ", failure.Message);
        var manifest = RunOutput.ReadManifest(folder);
        Assert.Equal(RunStatusKind.Failed, manifest.Status);
        Assert.Equal(1, manifest.CompletedTicks);
        Assert.Contains("Azure blob container 'outage'", manifest.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Progress reported on the runner's own thread, before it starts the next tick.</summary>
    private sealed class InlineProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
