using System.Collections.Concurrent;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Cli;
using Ecosystem.Cli.Cluster;
using Ecosystem.Grains.Persistence;
using Ecosystem.Hosting;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;
using Xunit.Abstractions;

namespace Ecosystem.Cluster.Tests;

/// <summary>A silo killed with SIGKILL in the middle of a run: the run completes as if nothing happened, with the blobs
/// in the cluster's folder or in an object store (Azurite).</summary>
[Collection(LocalClusterCollection.Name)]
[Trait("Category", "Cluster")]
public class SiloFailureTests(LocalClusterFixture cluster, ITestOutputHelper output)
{
    private const string AzuriteContainer = "cluster-blobs";

    [Fact]
    public async Task Killing_the_clocks_silo_mid_run_changes_no_metric_and_loses_or_duplicates_no_document()
    {
        await cluster.UpAsync();
        await KillTheClocksSiloMidRunAsync(cluster.State, "silo-killed", inspectStore: () => Task.CompletedTask);
        await cluster.UpAsync();
    }

    [Fact]
    public async Task Killing_the_clocks_silo_mid_run_on_a_cluster_whose_blobs_are_in_azurite_changes_no_metric()
    {
        // A cluster of its own (Redis and two silos) whose silos keep their blobs in Azurite instead of a folder.
        await using var azurite = await AzuriteServer.StartAsync(Path.Combine(cluster.Root, "azurite"));
        var directory = Path.Combine(cluster.Root, "azurite-cluster");
        try
        {
            var up = await cluster.RunToEndAsync(azurite.StorageEnvironment(AzuriteContainer), "cluster", "up", "--dir", directory, "--no-dashboard", "--silos", "2");
            Assert.Contains($"Blob store: Azure blob container '{AzuriteContainer}' at {azurite.BlobEndpoint}", up);

            await KillTheClocksSiloMidRunAsync(LocalClusterState.Load(directory)!, "azurite-silo-killed", async () =>
            {
                var kinds = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var blob in AzureBlobStore.ContainerClient(azurite.ConnectionString, AzuriteContainer).GetBlobsAsync())
                {
                    kinds.Add(blob.Name.Split('/')[0]);
                }

                Assert.Superset(new HashSet<string>(["shards", "vendors", "generations", "clocks"], StringComparer.Ordinal), kinds);
                Assert.Empty(Directory.EnumerateFileSystemEntries(new LocalClusterLayout(directory).Blobs));
            });
        }
        finally
        {
            await CommandLineProcess.RunAsync(cluster.Root, TimeSpan.FromMinutes(2), "cluster", "down", "--dir", directory, "--purge");
        }
    }

    /// <summary>Runs <see cref="FaultScenario"/> on the cluster <paramref name="state"/> describes, kills the silo of the
    /// run's clock after tick 3, and checks the run against the reference: byte-identical metrics.csv, and every document
    /// in the corpus exactly once. <paramref name="inspectStore"/> looks at the blob store before the run is released.</summary>
    private async Task KillTheClocksSiloMidRunAsync(LocalClusterState state, string name, Func<Task> inspectStore)
    {
        var reference = await cluster.ReferenceAsync();
        var folder = Path.Combine(cluster.Root, name);
        var scenario = ScenarioLoader.Parse(FaultScenario.Json, "fault scenario");

        // The run goes through the same client as 'ecosystem run --cluster redis', kept in this process to inspect the
        // corpus afterwards.
        await using var connection = await ClusterConnection.StartAsync(ClusterMode.Redis, state.RedisConnectionString, telemetry: null, RuntimeLog.Quiet, CancellationToken.None);
        var notices = new ConcurrentQueue<string>();
        var runner = new ScenarioRunner(connection.Client) { KeepGrainsAfterRun = true, KeepStateOfUnfinishedRuns = true, OnNotice = notices.Enqueue };
        var run = runner.RunAsync(scenario, folder);

        await LocalClusterFixture.WaitForTicksAsync(folder, 3);
        var runId = RunOutput.ReadManifest(folder).RunId;
        var victim = await SiloOfClockAsync(state, connection.Client, runId);
        LocalClusterFixture.Kill(victim.Process);
        var ticksWhenKilled = RunOutput.ReadManifest(folder).CompletedTicks;
        var result = await run;
        output.WriteLine($"killed {victim.Process.Name} (the clock's silo) after tick {ticksWhenKilled - 1}; the runner noted:\n{string.Join('\n', notices)}");

        Assert.True(ticksWhenKilled < FaultScenario.Ticks, $"the run had finished ({ticksWhenKilled} ticks) when the silo was killed");
        Assert.False(notices.IsEmpty, "the runner saw no fault: the silo died after the run ended");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, RunFiles.Metrics)), await File.ReadAllBytesAsync(Path.Combine(folder, RunFiles.Metrics)));

        // Every document the metrics count is in the corpus exactly once, tick by tick and by provenance.
        var world = new WorldAddress(runId, 0);
        var corpus = (await Task.WhenAll(Enumerable.Range(0, FaultScenario.Shards).Select(s => connection.Client.GetGrain<ICorpusShardGrain>(world.Shard(s))
            .ScrapeAsync(new ScrapeQuery(-1, TickPhase.HumansPublish, FaultScenario.Ticks, null))))).SelectMany(d => d).ToList();
        var rows = result.Metrics.Where(r => r.Vendor.Length == 0 && r.Label.Length == 0).ToList();
        double Corpus(string metric, int tick) => rows.Single(r => r.Metric == metric && r.Tick == tick).Value;

        Assert.Equal(corpus.Count, corpus.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Corpus(MetricNames.DocumentsTotal, FaultScenario.Ticks - 1), corpus.Count);
        Assert.Equal(Corpus(MetricNames.DocumentsHuman, FaultScenario.Ticks - 1), corpus.Count(d => !d.Provenance.IsSynthetic));
        Assert.Equal(Corpus(MetricNames.DocumentsSynthetic, FaultScenario.Ticks - 1), corpus.Count(d => d.Provenance.IsSynthetic));
        for (var tick = 0; tick < FaultScenario.Ticks; tick++)
        {
            var before = tick == 0 ? 0 : Corpus(MetricNames.DocumentsTotal, tick - 1);
            Assert.Equal(Corpus(MetricNames.DocumentsTotal, tick) - before, corpus.Count(d => d.Tick == tick));
        }

        await inspectStore();
        await connection.Client.GetGrain<IScenarioClockGrain>(runId).FinishAsync();
    }

    /// <summary>The silo that hosts the run's clock: losing it loses the call the runner waits on as well.</summary>
    private static async Task<LocalSilo> SiloOfClockAsync(LocalClusterState state, IClusterClient client, string runId)
    {
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var clock = statistics.Single(s => s.GrainId.ToString() == $"scenarioclock/{runId}");
        return state.Silos.Single(s => s.SiloPort == clock.SiloAddress.Endpoint.Port);
    }
}
