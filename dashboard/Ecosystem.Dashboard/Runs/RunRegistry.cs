using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Runs;

/// <summary>The runs the dashboard knows: those started here, and every finished (or foreign) run whose folder in
/// the runs folder holds a readable run.json.</summary>
public sealed class RunRegistry
{
    private readonly ConcurrentDictionary<string, LiveRun> _live = new(StringComparer.Ordinal);
    private readonly Lock _folders = new();

    /// <summary>Uses <paramref name="runsDirectory"/> (created when missing).</summary>
    public RunRegistry(string runsDirectory)
    {
        RunsDirectory = Path.GetFullPath(runsDirectory);
        Directory.CreateDirectory(RunsDirectory);
    }

    /// <summary>The runs folder.</summary>
    public string RunsDirectory { get; }

    /// <summary>Runs started here that have not finished.</summary>
    public int InProgress => _live.Values.Count(r => !r.Summary().Finished);

    /// <summary>Every known run, newest first.</summary>
    public IReadOnlyList<RunSummary> List()
    {
        var runs = _live.Values.Select(r => r.Summary()).ToList();
        foreach (var folder in Directory.EnumerateDirectories(RunsDirectory))
        {
            var id = Path.GetFileName(folder);
            if (!_live.ContainsKey(id) && RunIds.IsWellFormed(id) && ReadFinished(id) is { } run)
            {
                runs.Add(run);
            }
        }

        return [.. runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The run with this id, or null when there is none.</summary>
    public RunSummary? Find(string id) => Live(id)?.Summary() ?? (RunIds.IsWellFormed(id) ? ReadFinished(id) : null);

    /// <summary>The run with this id if this dashboard started it.</summary>
    public LiveRun? Live(string id) => _live.GetValueOrDefault(id);

    /// <summary>The folder of a known run.</summary>
    public string DirectoryOf(string id) => Live(id)?.Directory ?? Path.Combine(RunsDirectory, id);

    /// <summary>Every row of a known run so far: from memory for a run started here, else from its metrics.csv.</summary>
    public (RunSummary Run, IReadOnlyList<MetricRow> Rows)? Snapshot(string id)
    {
        if (Live(id) is { } live)
        {
            return live.Snapshot();
        }

        if (Find(id) is not { } run)
        {
            return null;
        }

        var metrics = Path.Combine(RunsDirectory, id, RunFiles.Metrics);
        try
        {
            return (run, File.Exists(metrics) ? MetricsCsv.Read(metrics) : []);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
        {
            return (run with { Error = $"metrics.csv could not be read: {e.Message}" }, []);
        }
    }

    /// <summary>Makes a fresh folder for a run of <paramref name="scenario"/> and registers the run that
    /// <paramref name="create"/> builds for it.</summary>
    public LiveRun Add(string scenario, long seed, Func<string, string, LiveRun> create)
    {
        lock (_folders)
        {
            var stem = string.Create(CultureInfo.InvariantCulture, $"{scenario}-seed{seed}-{DateTime.Now:yyyyMMdd-HHmmss}");
            var id = stem;
            for (var n = 2; Directory.Exists(Path.Combine(RunsDirectory, id)) || _live.ContainsKey(id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            }

            var directory = Path.Combine(RunsDirectory, id);
            Directory.CreateDirectory(directory);
            var run = create(id, directory);
            _live[id] = run;
            return run;
        }
    }

    private RunSummary? ReadFinished(string id)
    {
        var folder = Path.Combine(RunsDirectory, id);
        if (!File.Exists(Path.Combine(folder, RunFiles.Manifest)))
        {
            return null;
        }

        try
        {
            var m = RunOutput.ReadManifest(folder);
            var state = m.Status switch
            {
                RunStatusKind.Completed => RunState.Completed,
                RunStatusKind.Failed => RunState.Failed,
                RunStatusKind.Cancelled => RunState.Cancelled,
                _ => RunState.Running,
            };
            var parent = m.Fork is null ? null : Path.GetFileName(m.Fork.ParentDirectory);
            return new RunSummary(id, m.Scenario, m.Seed, state, m.CompletedTicks, m.TotalTicks, m.StartedAt, m.FinishedAt, m.Error,
                Controllable: false, parent, m.Fork?.Tick);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            // A folder being written by another process, or not a run at all: not listed.
            return null;
        }
    }
}
