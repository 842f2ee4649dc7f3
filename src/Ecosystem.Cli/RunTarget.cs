using Ecosystem.Hosting;
using Ecosystem.Telemetry;

namespace Ecosystem.Cli;

/// <summary>Where a run goes: the cluster mode and, for Redis, the connection string given on the command line.</summary>
/// <param name="Mode">Embedded or Redis.</param>
/// <param name="Redis">The Redis connection string given on the command line.</param>
/// <param name="Verbose">Print the runtime's own log on the console too (--verbose).</param>
internal sealed record RunTarget(ClusterMode Mode, string? Redis, bool Verbose = false)
{
    public string Describe() => Mode == ClusterMode.Redis ? $"redis {Redis ?? "from Cluster__RedisConnectionString"}" : "embedded";

    public string Options() => Mode == ClusterMode.Redis ? " --cluster redis" + (Redis is null ? "" : $" --redis {Redis}") : "";

    /// <summary>Starts the embedded silo or connects to the cluster; on failure writes why to <paramref name="error"/> and
    /// gives the exit code instead (2 for unusable settings, 1 for a cluster or blob store that cannot be reached).</summary>
    /// <param name="error">Where a failure to start or connect is written.</param>
    /// <param name="telemetry">Overrides of the "Telemetry" section.</param>
    /// <param name="logFile">The runtime's log file (<c>runtime.log</c> in the output folder); null writes none.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public async Task<(ClusterConnection? Connection, int ExitCode)> ConnectAsync(TextWriter error, Action<TelemetrySettings>? telemetry, string? logFile,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await ClusterConnection.StartAsync(Mode, Redis, telemetry, new RuntimeLog(logFile, Verbose), cancellationToken), ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
        catch (Exception e) when (BlobStoreFailure.Find(e) is { } unreachable)
        {
            // The embedded silo checks its blob store as it starts; the store, not the cluster, is what to fix.
            error.WriteLine(unreachable.Message);
            return (null, ExitCodes.Failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine($"Cannot reach the cluster ({Describe()}): {e.Message}");
            return (null, ExitCodes.Failure);
        }
    }
}
