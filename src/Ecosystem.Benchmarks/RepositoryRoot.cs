namespace Ecosystem.Benchmarks;

/// <summary>Finds the repository the command runs from: the nearest folder holding Ecosystem.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository folder above the working directory or, failing that, above the executable; else the working directory.</summary>
    public static string Find() =>
        Above(Directory.GetCurrentDirectory()) ?? Above(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    private static string? Above(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ecosystem.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
