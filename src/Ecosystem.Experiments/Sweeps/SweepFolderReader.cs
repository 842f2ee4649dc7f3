using System.Collections.Concurrent;
using System.Text.Json;
using Ecosystem.Experiments.Summaries;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>Reads a sweep's folder as it stands, complete or in progress, into its figures. A run counts once its
/// run.json says completed (it says so only after its last row is on disk); a run still being written is skipped,
/// never read half-written. Each finished run is read once and kept in its reduced form until its run.json changes.</summary>
public sealed class SweepFolderReader
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly ConcurrentDictionary<string, (RunStamp Stamp, SweepRunData Data)> _finished = new(StringComparer.Ordinal);

    /// <summary>The sweep file a sweep folder's manifest records.</summary>
    /// <exception cref="InvalidDataException">The manifest does not hold a readable sweep definition.</exception>
    public static SweepSpec SpecOf(SweepManifest manifest)
    {
        SweepSpec? spec;
        try
        {
            spec = manifest.Definition.Deserialize<SweepSpec>(Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{SweepFiles.Manifest} holds no readable sweep definition: {e.Message}", e);
        }

        if (spec is null || spec.Parameters is null || spec.Name is null)
        {
            throw new InvalidDataException($"{SweepFiles.Manifest} holds no sweep definition with a name and parameters.");
        }

        return spec with { Seeds = spec.Seeds ?? new SweepSeeds(), Summary = spec.Summary ?? new SweepSummarySpec() };
    }

    /// <summary>The figures of the sweep in <paramref name="directory"/>, whose manifest is <paramref name="manifest"/>,
    /// from the runs finished so far.</summary>
    /// <exception cref="InvalidDataException">The manifest does not hold a readable sweep definition.</exception>
    public SweepFigures Read(string directory, SweepManifest manifest)
    {
        var spec = SpecOf(manifest);
        var points = SweepGrid.Points(spec.Parameters);
        var tailGenres = spec.Summary.EffectiveTailGenres;
        var finished = new List<SweepRunData>();
        foreach (var point in points)
        {
            foreach (var seed in spec.Seeds.All)
            {
                var folder = Path.GetFullPath(Path.Combine(directory, SweepFiles.Runs, PlannedRun.FolderNameOf(point, seed)));
                if (Finished(folder, point, seed, tailGenres) is { } run)
                {
                    finished.Add(run);
                }
            }
        }

        return SweepFigures.Of(spec, points, finished);
    }

    private SweepRunData? Finished(string folder, SweepPoint point, long seed, IReadOnlyList<string> tailGenres)
    {
        var manifestPath = Path.Combine(folder, RunFiles.Manifest);
        if (RunStamp.Of(manifestPath) is not { } stamp)
        {
            return null;
        }

        if (_finished.TryGetValue(folder, out var known) && known.Stamp == stamp)
        {
            return known.Data;
        }

        try
        {
            var manifest = RunOutput.ReadManifest(folder);
            if (manifest.Status != RunStatusKind.Completed || manifest.Seed != seed)
            {
                return null;
            }

            var scenario = ScenarioLoader.Parse(manifest.ResolvedScenario.ToJsonString(), $"{RunFiles.Manifest} of {Path.GetFileName(folder)}");
            var rows = MetricsCsv.Read(Path.Combine(folder, RunFiles.Metrics));

            // A sweep run again into its folder deletes a run it cannot reuse and starts it afresh: a run.json replaced
            // while the rows were read means the rows may be the new run's first ticks.
            if (RunStamp.Of(manifestPath) != stamp)
            {
                return null;
            }

            var data = SweepRunData.Of(new PlannedRun(point, seed, scenario), rows, tailGenres);
            _finished[folder] = (stamp, data);
            return data;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or FormatException
                                      or ScenarioValidationException)
        {
            return null;
        }
    }

    /// <summary>When run.json was last replaced, and its length: a run.json rewritten in place changes at least one.</summary>
    private readonly record struct RunStamp(DateTime WrittenAt, long Length)
    {
        public static RunStamp? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new RunStamp(file.LastWriteTimeUtc, file.Length) : null;
        }
    }
}
