using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Summaries;
using Ecosystem.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>Runs every (point, seed) of a sweep on a cluster, several at once, then writes the summary tables.</summary>
/// <remarks>Each run writes the usual run folder. Running a sweep again into the same folder reuses every run whose
/// run.json says completed for the same resolved scenario, and runs the rest again, so an interrupted sweep resumes
/// where it stopped and never mixes a stale run into its tables.</remarks>
public sealed class SweepRunner(IGrainFactory grains)
{
    /// <summary>Runs <paramref name="plan"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="plan">The expanded sweep.</param>
    /// <param name="outputDirectory">The sweep's folder; may hold an earlier attempt of the same sweep.</param>
    /// <param name="parallelRuns">Runs at once; null takes the sweep's setting, else one per core.</param>
    /// <param name="progress">Receives progress after every run.</param>
    /// <param name="cancellationToken">Stops starting runs and cancels those in flight.</param>
    public async Task<SweepResult> RunAsync(SweepPlan plan, string outputDirectory, int? parallelRuns = null,
        IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(outputDirectory, SweepFiles.Runs));
        var manifest = SweepManifest.Starting(plan, ScenarioRunner.Version);
        manifest.Write(outputDirectory);

        var rows = new IReadOnlyList<MetricRow>[plan.Runs.Count];
        var finished = 0;
        var reused = 0;
        var stopwatch = Stopwatch.StartNew();
        var gate = new object();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelRuns ?? plan.Spec.ParallelRuns ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, plan.Runs.Count), options, async (i, token) =>
            {
                var run = plan.Runs[i];
                var folder = Path.Combine(outputDirectory, SweepFiles.Runs, run.FolderName);
                var earlier = CompletedRows(folder, run);
                rows[i] = earlier ?? (await RunOnceAsync(run, folder, token)).Metrics;
                lock (gate)
                {
                    finished++;
                    reused += earlier is null ? 0 : 1;
                    manifest = manifest with { FinishedRuns = finished };
                    manifest.Write(outputDirectory);
                    progress?.Report(new SweepProgress(finished, reused, plan.Runs.Count, run.FolderName, stopwatch.Elapsed));
                }
            });
        }
        catch (OperationCanceledException)
        {
            (manifest with { Status = RunStatusKind.Cancelled, FinishedAt = DateTimeOffset.UtcNow, Error = "cancelled" }).Write(outputDirectory);
            throw;
        }
        catch (Exception e)
        {
            (manifest with { Status = RunStatusKind.Failed, FinishedAt = DateTimeOffset.UtcNow, Error = e.Message }).Write(outputDirectory);
            throw;
        }

        var tailGenres = plan.Spec.Summary.EffectiveTailGenres;
        var summaries = plan.Runs.SelectMany((run, i) => RunSummary.Of(run, rows[i], tailGenres)).ToList();
        var aggregates = PointAggregate.Of(summaries, plan.Spec.Summary.Confidence);
        var result = new SweepResult(plan, outputDirectory, rows, summaries, aggregates, reused);
        SweepTables.Write(result);
        SweepReport.Write(result);
        (manifest with { Status = RunStatusKind.Completed, FinishedAt = DateTimeOffset.UtcNow }).Write(outputDirectory);
        return result;
    }

    private async Task<RunResult> RunOnceAsync(PlannedRun run, string folder, CancellationToken cancellationToken)
    {
        // A folder without a completed run.json is a run that was interrupted (or a stale one): start it afresh.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return await new ScenarioRunner(grains).RunAsync(run.Scenario, folder, progress: null, cancellationToken);
    }

    /// <summary>The rows of a run finished by an earlier attempt for the same resolved scenario; null otherwise.</summary>
    private static IReadOnlyList<MetricRow>? CompletedRows(string folder, PlannedRun run)
    {
        if (!File.Exists(Path.Combine(folder, RunFiles.Manifest)))
        {
            return null;
        }

        try
        {
            var manifest = RunOutput.ReadManifest(folder);
            var expected = JsonNode.Parse(ScenarioJson.Serialize(run.Scenario));
            return manifest.Status == RunStatusKind.Completed && JsonNode.DeepEquals(manifest.ResolvedScenario, expected)
                ? MetricsCsv.Read(Path.Combine(folder, RunFiles.Metrics))
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or FormatException)
        {
            return null;
        }
    }
}
