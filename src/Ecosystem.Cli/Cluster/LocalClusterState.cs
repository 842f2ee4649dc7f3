using System.Text.Json;

namespace Ecosystem.Cli.Cluster;

/// <summary>What <c>ecosystem cluster up</c> started, saved as <c>state.json</c> in the cluster's folder: the ports
/// (kept across restarts, so clients and the saved state stay valid) and the process ids.</summary>
public sealed record LocalClusterState
{
    /// <summary>File name inside the cluster's folder.</summary>
    public const string FileName = "state.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Orleans cluster id.</summary>
    public required string ClusterId { get; init; }

    /// <summary>Orleans service id (names the grain state in Redis).</summary>
    public required string ServiceId { get; init; }

    /// <summary>The Redis server.</summary>
    public required LocalProcess Redis { get; init; }

    /// <summary>The silo hosts.</summary>
    public required IReadOnlyList<LocalSilo> Silos { get; init; }

    /// <summary>The dashboard, when it was built and started.</summary>
    public LocalProcess? Dashboard { get; init; }

    /// <summary>Whether the silos carry the Orleans dashboard (cluster internals) for the dashboard to serve: chosen when
    /// the cluster is created, with the dashboard, so that silos and dashboard always agree.</summary>
    public bool OrleansDashboard { get; init; }

    /// <summary>The Redis connection string of the cluster.</summary>
    public string RedisConnectionString => $"127.0.0.1:{Redis.Port}";

    /// <summary>The state saved in <paramref name="folder"/>, or null when there is none.</summary>
    public static LocalClusterState? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<LocalClusterState>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Saves the state into <paramref name="folder"/> (atomically).</summary>
    public void Save(string folder)
    {
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

/// <summary>A process of the local cluster: its port, its process id while it runs (null once stopped) and its log.</summary>
/// <param name="Name">What it is, as status prints it.</param>
/// <param name="Port">Its main port (Redis's, the silo's gateway, the dashboard's HTTP port).</param>
/// <param name="Pid">Its process id; null when stopped.</param>
/// <param name="Log">Its log file.</param>
public sealed record LocalProcess(string Name, int Port, int? Pid, string Log);

/// <summary>A silo host of the local cluster.</summary>
/// <param name="Process">The process, with its gateway port.</param>
/// <param name="SiloPort">Its silo-to-silo port.</param>
/// <param name="MetricsPort">Where it serves Prometheus metrics (http://localhost:PORT/metrics); null for a cluster
/// started before silos served them.</param>
public sealed record LocalSilo(LocalProcess Process, int SiloPort, int? MetricsPort = null);
