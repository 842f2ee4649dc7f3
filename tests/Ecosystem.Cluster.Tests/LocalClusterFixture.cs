using System.Diagnostics;
using Ecosystem.Cli.Cluster;
using Ecosystem.Runner;

namespace Ecosystem.Cluster.Tests;

/// <summary>One local cluster (redis-server and three silo processes, started by <c>ecosystem cluster up</c>) shared by
/// the cluster tests, which run one after another and each leave it whole; and the undisturbed reference run of
/// <see cref="FaultScenario"/> on the embedded default, made once with <c>ecosystem run</c>.</summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private Lazy<Task<string>>? _reference;

    /// <summary>Folder of everything the tests write (removed at the end).</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"ecosystem-cluster-tests-{Guid.NewGuid():N}");

    /// <summary>The cluster's folder (state.json, Redis data, blobs, logs).</summary>
    public string ClusterDirectory => Path.Combine(Root, "cluster");

    /// <summary>The scenario file.</summary>
    public string ScenarioFile => Path.Combine(Root, "cluster-faults.json");

    /// <summary>What the launcher recorded.</summary>
    public LocalClusterState State => LocalClusterState.Load(ClusterDirectory) ?? throw new InvalidOperationException("The cluster has no state.json.");

    /// <summary>The cluster's Redis connection string.</summary>
    public string Redis => State.RedisConnectionString;

    /// <summary>The folder of the reference run's files on the embedded default.</summary>
    public Task<string> ReferenceAsync() => _reference!.Value;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(ScenarioFile, FaultScenario.Json);
        _reference = new Lazy<Task<string>>(async () =>
        {
            var folder = Path.Combine(Root, "reference");
            await RunToEndAsync("run", ScenarioFile, "--out", folder, "--no-plots");
            return folder;
        });
        await UpAsync();
    }

    /// <summary>Starts whatever of the cluster is not running (<c>ecosystem cluster up</c>) and waits until every silo is active.</summary>
    public Task<string> UpAsync() => RunToEndAsync("cluster", "up", "--dir", ClusterDirectory, "--no-dashboard");

    /// <summary>Stops the cluster (<c>ecosystem cluster down</c>), keeping its data.</summary>
    public Task<string> DownAsync() => RunToEndAsync("cluster", "down", "--dir", ClusterDirectory);

    /// <summary>Kills a process of the cluster at once (SIGKILL).</summary>
    public static void Kill(LocalProcess process)
    {
        using var running = Process.GetProcessById(process.Pid ?? throw new InvalidOperationException($"{process.Name} is not running."));
        running.Kill();
        running.WaitForExit();
    }

    /// <summary>Runs <c>ecosystem</c> with <paramref name="arguments"/> and returns its output; fails unless it exits with 0.</summary>
    public Task<string> RunToEndAsync(params string[] arguments) => RunToEndAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>ecosystem</c> with <paramref name="arguments"/> and <paramref name="environment"/> added to this
    /// process's, and returns its output; fails unless it exits with 0.</summary>
    public async Task<string> RunToEndAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output) = await CommandLineProcess.RunAsync(Root, CommandTimeout, environment, arguments);
        Assert.True(exitCode == 0, $"ecosystem {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Waits until the run in <paramref name="folder"/> has written <paramref name="ticks"/> ticks.</summary>
    internal static async Task WaitForTicksAsync(string folder, int ticks, CommandLineProcess? process = null)
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(Path.Combine(folder, RunFiles.Manifest)) && RunOutput.ReadManifest(folder).CompletedTicks >= ticks)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The run in {folder} did not reach tick {ticks}.{(process is null ? "" : "\n" + process.Output)}");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await CommandLineProcess.RunAsync(Root, CommandTimeout, "cluster", "down", "--dir", ClusterDirectory, "--purge");
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing a log file; the temp folder is cleaned up by the system.
        }
    }
}

/// <summary>The cluster tests share one cluster and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LocalClusterCollection : ICollectionFixture<LocalClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Local cluster";
}
