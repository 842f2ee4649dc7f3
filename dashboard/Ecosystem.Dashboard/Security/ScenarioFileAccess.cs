using Ecosystem.Dashboard.Api;
using Ecosystem.Scenarios;

namespace Ecosystem.Dashboard.Security;

/// <summary>Keeps the scenarios a browser starts or forks to the files the operator allows: the shipped corpora, and
/// files under the data folder (<see cref="DashboardSettings.DataDirectory"/>, none by default). Every path a scenario
/// names is resolved (relative ones against the data folder, then "..", then every symbolic link on the way) and
/// refused when it ends outside; the ones that pass are written back resolved, so the run reads what was checked.</summary>
/// <remarks>A scenario is data from a browser; without this a posted scenario could name any folder of the server and
/// have its text copied into samples.jsonl and its sub-folder names into the open metric rows. The command line keeps
/// reading what its user names.</remarks>
public sealed class ScenarioFileAccess(string? dataDirectory)
{
    private const int MaxLinks = 40;

    /// <summary>The scenario with its paths resolved, or the errors naming each refused path under
    /// <paramref name="prefix"/> (the JSON path of the scenario in the request).</summary>
    public (Scenario Scenario, IReadOnlyList<RequestError> Errors) Confine(Scenario scenario, string prefix)
    {
        var errors = new List<RequestError>();
        var text = scenario.Data.Text;
        if (text.Path is { } corpusPath)
        {
            var resolved = Resolve(corpusPath, $"{prefix}.data.text.path", errors);
            scenario = scenario with { Data = scenario.Data with { Text = text with { Path = resolved ?? corpusPath } } };
        }

        var vendors = scenario.Vendors.ToList();
        for (var v = 0; v < vendors.Count; v++)
        {
            if (vendors[v].Model.Base is { Path: { } basePath } spec)
            {
                var resolved = Resolve(basePath, $"{prefix}.vendors[{v}].model.base.path", errors);
                vendors[v] = vendors[v] with { Model = vendors[v].Model with { Base = spec with { Path = resolved ?? basePath } } };
            }
        }

        return (scenario with { Vendors = vendors }, errors);
    }

    private string? Resolve(string path, string jsonPath, List<RequestError> errors)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            errors.Add(new RequestError(jsonPath,
                $"found '{path}'; this dashboard reads no files for posted scenarios (its operator sets Dashboard__DataDirectory to allow a data folder); allowed: the shipped corpora (data.text.source \"brown\")"));
            return null;
        }

        var root = RealPath(Path.GetFullPath(dataDirectory));
        var real = root is null ? null : RealPath(Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path)));
        if (real is not null && root is not null && (real == root || real.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return real;
        }

        errors.Add(new RequestError(jsonPath,
            $"found '{path}', which resolves outside the dashboard's data folder; allowed: files under the data folder (relative paths are taken from it) or the shipped corpora"));
        return null;
    }

    /// <summary>The path with every symbolic link on the way replaced by its final target (components that do not
    /// exist are kept as written, since they cannot be links); null past <see cref="MaxLinks"/> links (a loop).</summary>
    private static string? RealPath(string fullPath)
    {
        var links = 0;
        var root = Path.GetPathRoot(fullPath)!;
        var pending = new Stack<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }

                // The target is walked again, component by component, from the link's folder or the root.
                var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                var targetRoot = Path.GetPathRoot(absolute)!;
                foreach (var piece in absolute[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(piece);
                }

                current = targetRoot;
                continue;
            }

            current = next;
        }

        return current;
    }
}
