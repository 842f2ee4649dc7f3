namespace Ecosystem.Cli.Cluster;

/// <summary>The folders of a local cluster: Redis's data, the shared blob store and the processes' logs, under one
/// folder that also holds <see cref="LocalClusterState.FileName"/>.</summary>
/// <param name="Root">The cluster's folder (absolute).</param>
public sealed record LocalClusterLayout(string Root)
{
    /// <summary>The default folder, relative to the working directory.</summary>
    public const string DefaultFolder = ".ecosystem/cluster";

    /// <summary>Redis's append-only file.</summary>
    public string RedisData => Path.Combine(Root, "redis");

    /// <summary>The blob store every silo shares (corpus segments, training data, checkpoints).</summary>
    public string Blobs => Path.Combine(Root, "blobs");

    /// <summary>One log file per process.</summary>
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>Creates the folders.</summary>
    public void Create()
    {
        Directory.CreateDirectory(RedisData);
        Directory.CreateDirectory(Blobs);
        Directory.CreateDirectory(Logs);
    }
}
