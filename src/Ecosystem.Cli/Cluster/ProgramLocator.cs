namespace Ecosystem.Cli.Cluster;

/// <summary>Finds the programs the local cluster runs: the silo host (built beside the command line) and the dashboard
/// (built from <c>dashboard/Ecosystem.Dashboard</c>, when it has been).</summary>
public static class ProgramLocator
{
    /// <summary>How to start a .NET program: the executable and the arguments before the program's own.</summary>
    public sealed record Launch(string FileName, IReadOnlyList<string> Prefix);

    /// <summary>The silo host beside this program.</summary>
    /// <exception cref="FileNotFoundException">It is missing.</exception>
    public static Launch Silo() => FromFolder(AppContext.BaseDirectory, "ecosystem-silo")
        ?? throw new FileNotFoundException($"ecosystem-silo is not beside {AppContext.BaseDirectory}; build the command line again.");

    /// <summary>The dashboard at <paramref name="path"/> (its program or its folder), else the newest build found in
    /// <c>dashboard/Ecosystem.Dashboard/bin</c> above the working directory or this program; null when none is built.</summary>
    public static Launch? Dashboard(string? path)
    {
        if (path is not null)
        {
            return Directory.Exists(path) ? FromFolder(path, "ecosystem-dashboard") : FromFolder(Path.GetDirectoryName(Path.GetFullPath(path))!, "ecosystem-dashboard");
        }

        var builds = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }
            .SelectMany(Ancestors)
            .Select(folder => Path.Combine(folder, "dashboard", "Ecosystem.Dashboard", "bin"))
            .Where(Directory.Exists)
            .SelectMany(bin => Directory.GetFiles(bin, "ecosystem-dashboard.dll", SearchOption.AllDirectories))
            .OrderByDescending(File.GetLastWriteTimeUtc);
        return builds.Select(dll => FromFolder(Path.GetDirectoryName(dll)!, "ecosystem-dashboard")).FirstOrDefault(l => l is not null);
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }

    /// <summary>The program's native launcher when it has one, else the .NET host with its assembly.</summary>
    private static Launch? FromFolder(string folder, string name)
    {
        var assembly = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assembly) || !File.Exists(Path.Combine(folder, name + ".runtimeconfig.json")))
        {
            return null;
        }

        // The .NET host the SDK names for what it starts (tests, dotnet run) finds the runtime wherever it is installed;
        // otherwise the native launcher, else the host on PATH.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return new Launch(host, [assembly]);
        }

        var native = Path.Combine(folder, name);
        return !OperatingSystem.IsWindows() && File.Exists(native)
            ? new Launch(native, [])
            : new Launch(LocalProcesses.FindOnPath("dotnet") ?? "dotnet", [assembly]);
    }
}
