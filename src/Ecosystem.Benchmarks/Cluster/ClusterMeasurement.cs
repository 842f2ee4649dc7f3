using Ecosystem.Abstractions.Metrics;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Benchmarks.Engine;
using Ecosystem.Cli;
using Ecosystem.Cli.Cluster;
using Ecosystem.Grains.Placement;
using Ecosystem.Hosting;
using Ecosystem.Runner;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>Runs the scale scenario on a fresh local Redis cluster of one shape (<c>ecosystem cluster up</c>'s launcher,
/// in a folder of its own) as a client, the way <c>ecosystem run --cluster redis</c> does, and measures time and the
/// memory of every process of the cluster.</summary>
public static class ClusterMeasurement
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="configuration"/> on a cluster of <paramref name="clusterCase"/>'s shape once.</summary>
    /// <exception cref="InvalidOperationException">The cluster did not start; the message holds the launcher's output.</exception>
    public static async Task<ClusterRun> RunAsync(ClusterCase clusterCase, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        var scenario = ClusterScenario.Build(configuration);
        var folder = Directory.CreateTempSubdirectory("ecosystem-cluster-bench-");
        var layout = new LocalClusterLayout(Path.Combine(folder.FullName, "cluster"));
        var launcherOutput = new StringWriter();
        var cluster = new LocalCluster(layout, launcherOutput);
        try
        {
            if (!await cluster.UpAsync(clusterCase.Silos, dashboard: false, dashboardPath: null, cancellationToken))
            {
                throw new InvalidOperationException($"The local cluster of {clusterCase.Silos} silo(s) did not start:\n{launcherOutput}");
            }

            var state = LocalClusterState.Load(layout.Root)!;
            List<int> pids = [Environment.ProcessId, state.Redis.Pid!.Value, .. state.Silos.Select(s => s.Process.Pid!.Value)];
            await using var connection = await ClusterConnection.StartAsync(ClusterMode.Redis, state.RedisConnectionString, telemetry: null, RuntimeLog.Quiet, cancellationToken);
            GC.Collect();
            var baseline = ProcessGroupSampler.ResidentBytes(pids);
            var clock = new TickClock(_ => false);
            var observer = new FirstTickObserver(clock, pids);
            var sampler = ProcessGroupSampler.Start(pids, SampleInterval);
            var metricsPorts = state.Silos.Select(s => s.MetricsPort!.Value).ToList();
            var sentBefore = await SiloTraffic.BytesSentAsync(metricsPorts, cancellationToken);
            RunResult result;
            long end;
            try
            {
                clock.Start();
                var runner = new ScenarioRunner(connection.Client) { KeepGrainsAfterRun = true };
                result = await runner.RunAsync(scenario, Path.Combine(folder.FullName, "run"), observer, cancellationToken);
                end = ProcessGroupSampler.ResidentBytes(pids);
            }
            finally
            {
                sampler.Dispose();
            }

            var sent = await SiloTraffic.BytesSentAsync(metricsPorts, cancellationToken) - sentBefore;
            var perSilo = await SimulationActivations.PerSiloAsync(connection.Client);
            var hosting = perSilo.Count;
            var largestShare = perSilo.Count == 0 ? 1 : (double)perSilo.Max() / perSilo.Sum();
            await connection.Client.GetGrain<IScenarioClockGrain>(result.Manifest.RunId).FinishAsync();
            long Held(int tick) => (long)result.Metrics.Single(r => r.Tick == tick && r.Replicate == 0 && r.Vendor.Length == 0 && r.Label.Length == 0
                                                                    && r.Metric == MetricNames.DocumentsTotal).Value;
            return new ClusterRun(clusterCase, clock.Seconds, clock.CumulativePublished, Held(scenario.Ticks - 1), Held(0),
                baseline, observer.AfterFirstTickBytes, sampler.PeakBytes, end) { SiloBytesSent = sent, SilosHostingGrains = hosting, LargestSiloShare = largestShare };
        }
        finally
        {
            await cluster.DownAsync(TimeSpan.FromSeconds(15), purge: true);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Passes the runner's reports to the tick clock and takes the cluster's resident memory once the first tick
    /// is done (the runner reports synchronously between ticks, so nothing runs meanwhile).</summary>
    private sealed class FirstTickObserver(TickClock clock, IReadOnlyList<int> pids) : IProgress<RunProgress>
    {
        public long AfterFirstTickBytes { get; private set; }

        public void Report(RunProgress value)
        {
            clock.Report(value);
            if (value.CompletedTicks == 1 && value.Metrics.Count > 0)
            {
                AfterFirstTickBytes = ProcessGroupSampler.ResidentBytes(pids);
            }
        }
    }
}
