using System.Text.Json;
using Ecosystem.Dashboard.Runs;
using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Dashboard.Sweeps;

/// <summary>The sweeps in the runs folder: its direct child folders that hold a sweep.json (what
/// <c>ecosystem sweep --out</c> writes), each named by a plain folder name, so a name can never point outside it.</summary>
public sealed class SweepCatalog
{
    private readonly SweepFolderReader _reader = new();

    /// <summary>Reads sweeps from <paramref name="runsDirectory"/>.</summary>
    public SweepCatalog(string runsDirectory) => RunsDirectory = Path.GetFullPath(runsDirectory);

    /// <summary>The runs folder.</summary>
    public string RunsDirectory { get; }

    /// <summary>Every sweep, newest first.</summary>
    public IReadOnlyList<SweepEntry> List()
    {
        if (!Directory.Exists(RunsDirectory))
        {
            return [];
        }

        var sweeps = new List<SweepEntry>();
        foreach (var folder in Directory.EnumerateDirectories(RunsDirectory))
        {
            var name = Path.GetFileName(folder);
            if (RunIds.IsWellFormed(name) && ReadManifest(name) is { } manifest)
            {
                sweeps.Add(Entry(name, manifest));
            }
        }

        return [.. sweeps.OrderByDescending(s => s.StartedAt).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The sweep in folder <paramref name="name"/> with its figures, or null when there is none.</summary>
    public SweepView? Read(string name)
    {
        if (!RunIds.IsWellFormed(name) || ReadManifest(name) is not { } manifest)
        {
            return null;
        }

        try
        {
            return new SweepView(Entry(name, manifest), _reader.Read(Path.Combine(RunsDirectory, name), manifest));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private SweepManifest? ReadManifest(string name)
    {
        var folder = Path.Combine(RunsDirectory, name);
        if (!File.Exists(Path.Combine(folder, SweepFiles.Manifest)))
        {
            return null;
        }

        try
        {
            return SweepManifest.Read(folder);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            // Not a sweep this version can read: not listed, as a folder without a readable run.json is not a run.
            return null;
        }
    }

    private static SweepEntry Entry(string name, SweepManifest manifest)
    {
        string? description;
        try
        {
            description = SweepFolderReader.SpecOf(manifest).Description;
        }
        catch (InvalidDataException)
        {
            description = null;
        }

        return new SweepEntry(name, manifest.Sweep, description, manifest.Status, manifest.FinishedRuns, manifest.TotalRuns,
            manifest.StartedAt, manifest.FinishedAt, manifest.Error);
    }
}
