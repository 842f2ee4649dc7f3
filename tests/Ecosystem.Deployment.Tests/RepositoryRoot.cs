namespace Ecosystem.Deployment.Tests;

/// <summary>The repository the tests were built from: the deployment files are checked where they are, not copied.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Ecosystem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Ecosystem.sln above {AppContext.BaseDirectory}.");
    }
}
