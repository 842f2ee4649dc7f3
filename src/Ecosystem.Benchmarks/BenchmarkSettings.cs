namespace Ecosystem.Benchmarks;

/// <summary>Settings shared by every suite.</summary>
/// <param name="Quick">Run the small smoke configuration instead of the full one.</param>
/// <param name="RepositoryRoot">Folder holding Ecosystem.sln and benchmarks/peers/.</param>
/// <param name="Python">Interpreter that runs the Python peers (Debian's, which has the peers' Debian packages).</param>
public sealed record BenchmarkSettings(bool Quick, string RepositoryRoot, string Python)
{
    /// <summary>"quick" or "full", recorded with the results.</summary>
    public string Configuration => Quick ? "quick" : "full";

    /// <summary>Path of a peer script in benchmarks/peers/.</summary>
    public string PeerScript(string fileName) => Path.Combine(RepositoryRoot, "benchmarks", "peers", fileName);

    /// <summary>An empty folder under runs/ for a benchmark's run of <paramref name="scenario"/> (runs/bench-NAME-CONFIGURATION),
    /// where its files stay for the reader; a previous run's files there are deleted.</summary>
    public string FreshRunFolder(string scenario)
    {
        var folder = Path.Combine(RepositoryRoot, "runs", $"bench-{scenario}-{Configuration}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return folder;
    }
}
