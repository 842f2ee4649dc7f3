using Ecosystem.Experiments.Summaries;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Runner;

namespace Ecosystem.Simulation.Tests;

/// <summary>A sweep runs its grid in parallel on one cluster, writes its tables and report, and resumes.</summary>
public class SweepTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private static readonly string BaseScenario = """
        {
          "name": "sweep-base", "seed": 1, "ticks": 3,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 48, "maxDocuments": 300 } },
          "humans": { "authors": 20, "initialDocuments": 120, "documentsPerTick": 40 },
          "vendors": [
            { "name": "acme", "training": { "policy": "replace" }, "decoding": { "temperature": 0.8 }, "deployment": { "documentsPerTick": 120 } },
            { "name": "keeper", "training": { "policy": "replace" }, "decoding": { "temperature": 0.8 }, "deployment": { "documentsPerTick": 120 } }
          ],
          "metrics": { "heldOutDocuments": 60 }
        }
        """;

    private static readonly string Sweep = """
        {
          "name": "keep-grid", "scenario": "base.json", "seeds": { "first": 3, "count": 2 },
          "parameters": [ { "name": "keep", "paths": ["/vendors/1/training/keepHumanFraction"], "values": [0, 0.5], "labels": ["none", "half"] } ],
          "parallelRuns": 4
        }
        """;

    [Fact]
    public async Task A_sweep_writes_every_run_the_tables_and_the_report_and_each_run_matches_a_run_on_its_own()
    {
        var (plan, folder) = Plan();

        var result = await new SweepRunner(cluster.Handle.Cluster.Client).RunAsync(plan, folder);

        Assert.Equal(4, plan.Runs.Count);
        Assert.All(plan.Runs, r => Assert.Equal(RunStatusKind.Completed,
            RunOutput.ReadManifest(Path.Combine(folder, SweepFiles.Runs, r.FolderName)).Status));
        Assert.Equal(RunStatusKind.Completed, SweepManifest.Read(folder).Status);

        // One line per run and vendor, plus the header; one per point, vendor and figure in the aggregate.
        Assert.Equal(1 + (4 * 2), File.ReadAllLines(Path.Combine(folder, SweepFiles.Summary)).Length);
        Assert.Equal(1 + (2 * 2 * SummaryMetrics.All.Count), File.ReadAllLines(Path.Combine(folder, SweepFiles.Aggregate)).Length);
        var report = File.ReadAllText(Path.Combine(folder, SweepFiles.Report));
        foreach (var image in System.Text.RegularExpressions.Regex.Matches(report, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            Assert.True(File.Exists(Path.Combine(folder, image)), $"the report's image {image} exists");
        }

        Assert.Contains("<td class=\"l\">half</td>", report);

        // Runs in parallel do not disturb each other: a run equals the same scenario run alone.
        var alone = await ScenarioRuns.RunAsync(cluster.Handle, plan.Runs[3].Scenario);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(alone.OutputDirectory, RunFiles.Metrics)),
            await File.ReadAllBytesAsync(Path.Combine(folder, SweepFiles.Runs, plan.Runs[3].FolderName, RunFiles.Metrics)));

        // Keeping half of the human data helps the vendor that keeps it: held-out perplexity rises less.
        var none = result.Aggregates.Single(a => a.Point.Index == 0 && a.Vendor == "keeper" && a.Metric == "perplexity_rise");
        var half = result.Aggregates.Single(a => a.Point.Index == 1 && a.Vendor == "keeper" && a.Metric == "perplexity_rise");
        Assert.Equal(2, half.Interval.Count);
        Assert.True(half.Interval.Mean < none.Interval.Mean, $"perplexity rise {half.Interval.Mean} with half kept < {none.Interval.Mean} without");
    }

    [Fact]
    public async Task A_sweep_run_again_reuses_completed_runs_and_reruns_an_interrupted_one()
    {
        var (plan, folder) = Plan();
        var runner = new SweepRunner(cluster.Handle.Cluster.Client);
        await runner.RunAsync(plan, folder);
        var summary = await File.ReadAllBytesAsync(Path.Combine(folder, SweepFiles.Summary));

        // An interrupted run: its run.json never said completed.
        var interrupted = Path.Combine(folder, SweepFiles.Runs, plan.Runs[1].FolderName, RunFiles.Manifest);
        await File.WriteAllTextAsync(interrupted, (await File.ReadAllTextAsync(interrupted)).Replace("\"completed\"", "\"running\"", StringComparison.Ordinal));

        var again = await runner.RunAsync(plan, folder);

        Assert.Equal(3, again.Reused);
        Assert.Equal(summary, await File.ReadAllBytesAsync(Path.Combine(folder, SweepFiles.Summary)));
        Assert.Equal(RunStatusKind.Completed, RunOutput.ReadManifest(Path.GetDirectoryName(interrupted)!).Status);
    }

    private static (SweepPlan Plan, string Folder) Plan()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecosystem-tests", $"sweep-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "base.json"), BaseScenario);
        return (SweepLoader.Parse(Sweep, folder), Path.Combine(folder, "out"));
    }
}
