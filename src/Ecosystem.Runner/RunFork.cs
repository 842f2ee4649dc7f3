using Ecosystem.Scenarios;

namespace Ecosystem.Runner;

/// <summary>Where a forked run branches off: its parent run and the first tick whose policy differs.</summary>
/// <param name="ParentRunId">The parent's run id.</param>
/// <param name="ParentDirectory">The parent's folder (absolute).</param>
/// <param name="Tick">The fork tick: ticks before it are the parent's history, shared exactly.</param>
public sealed record RunFork(string ParentRunId, string ParentDirectory, int Tick)
{
    /// <summary>Plans a fork of the run in <paramref name="parentDirectory"/> at <paramref name="tick"/> with
    /// <paramref name="changes"/>: the parent's resolved scenario (same seed) plus the changes, in force from the tick.</summary>
    /// <exception cref="ScenarioValidationException">The parent cannot be forked there, or a change is invalid.</exception>
    public static (Scenario Scenario, RunFork Fork) Plan(string parentDirectory, int tick, IReadOnlyList<(string Path, System.Text.Json.Nodes.JsonNode? Value)> changes)
    {
        if (!File.Exists(Path.Combine(parentDirectory, RunFiles.Manifest)))
        {
            throw new ScenarioValidationException(parentDirectory, [new ScenarioError("parent", "the folder holds no run (no run.json)")]);
        }

        var manifest = RunOutput.ReadManifest(parentDirectory);
        var last = Math.Min(manifest.CompletedTicks, manifest.TotalTicks - 1);
        if (tick < 1 || tick > last)
        {
            throw new ScenarioValidationException(parentDirectory, [new ScenarioError("--at",
                $"found {tick}; the parent has {manifest.CompletedTicks} completed tick(s) of {manifest.TotalTicks}, so it can be forked at 1..{last}")]);
        }

        var parent = ScenarioLoader.Parse(manifest.ResolvedScenario.ToJsonString(), "parent run.json");
        var scenario = parent with { Changes = [.. parent.Changes, .. changes.Select(c => new PolicyChange(tick, c.Path, c.Value?.DeepClone()))] };
        scenario = ScenarioLoader.Parse(ScenarioJson.Serialize(scenario), "fork");
        return (scenario, new RunFork(manifest.RunId, Path.GetFullPath(parentDirectory), tick));
    }

    /// <summary>Checks that the fork's rows of the ticks before the fork tick equal the parent's, byte for byte.</summary>
    /// <exception cref="InvalidDataException">They differ (a different simulator version, say).</exception>
    public void CheckSharedHistory(string forkDirectory)
    {
        var parent = HistoryOf(ParentDirectory);
        var fork = HistoryOf(forkDirectory);
        for (var i = 0; i < Math.Max(parent.Count, fork.Count); i++)
        {
            if (i >= parent.Count || i >= fork.Count || parent[i] != fork[i])
            {
                throw new InvalidDataException(
                    $"the fork's history before tick {Tick} differs from its parent's at metrics.csv line {i + 2} " +
                    $"(parent: '{(i < parent.Count ? parent[i] : "end of file")}', fork: '{(i < fork.Count ? fork[i] : "end of file")}'); " +
                    "was the parent made by another version of the simulator?");
            }
        }
    }

    private List<string> HistoryOf(string directory)
    {
        // The fork's file is still open for appending, so it is read with write sharing.
        using var stream = new FileStream(Path.Combine(directory, RunFiles.Metrics), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line
               && int.Parse(line.AsSpan(0, line.IndexOf(',')), System.Globalization.CultureInfo.InvariantCulture) < Tick)
        {
            lines.Add(line);
        }

        return lines;
    }
}
