namespace Ecosystem.Benchmarks;

/// <summary>Folders of the repository the benchmark reads (peer scripts) and writes (results), found from the working
/// directory upwards.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder holding Ecosystem.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The peer scripts.</summary>
    public static string Peers => Path.Combine(Root, "benchmarks", "peers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ecosystem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (no Ecosystem.sln found above the working directory).");
    }
}
