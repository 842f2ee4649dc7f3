using System.Text.Json.Nodes;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Runner;

namespace Ecosystem.Simulation.Tests;

/// <summary>A fork shares its parent's history exactly and diverges from the fork tick with the changed policy.</summary>
public class ForkTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private const string Scenario = """
        {
          "name": "fork-parent", "seed": 12, "ticks": 5,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 48, "maxDocuments": 600 } },
          "humans": { "authors": 20, "initialDocuments": 200, "documentsPerTick": 40 },
          "vendors": [ { "name": "acme", "watermark": { "adoption": 0 }, "training": { "policy": "replace" },
                         "decoding": { "temperature": 0.8 }, "deployment": { "documentsPerTick": 200 } } ],
          "metrics": { "heldOutDocuments": 40 }
        }
        """;

    [Fact]
    public async Task A_fork_shares_the_parent_s_history_and_its_changed_policy_takes_effect_from_the_fork_tick()
    {
        var parent = await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario));
        var (scenario, fork) = RunFork.Plan(parent.OutputDirectory, 2,
            [("/vendors/0/training/keepHumanFraction", JsonValue.Create(0.5)), ("/vendors/0/watermark/adoption", JsonValue.Create(1.0))]);
        var folder = Path.Combine(Path.GetTempPath(), "ecosystem-tests", $"fork-{Guid.NewGuid():N}");

        var child = await new ScenarioRunner(cluster.Handle.Cluster.Client).RunAsync(scenario, folder, fork: fork);

        var parentLines = File.ReadAllLines(Path.Combine(parent.OutputDirectory, RunFiles.Metrics));
        var childLines = File.ReadAllLines(Path.Combine(folder, RunFiles.Metrics));
        Assert.Equal(parentLines.TakeWhile(l => !l.StartsWith("2,", StringComparison.Ordinal)), childLines.TakeWhile(l => !l.StartsWith("2,", StringComparison.Ordinal)));
        Assert.NotEqual(parentLines.Skip(1).Where(l => l.StartsWith("2,", StringComparison.Ordinal)), childLines.Skip(1).Where(l => l.StartsWith("2,", StringComparison.Ordinal)));

        double Share(RunResult run, int tick) => ScenarioRuns.Value(run.Metrics, MetricNames.TrainingSyntheticShare, tick, "acme");
        Assert.Equal(Share(parent, 1), Share(child, 1));
        Assert.True(Share(child, 3) < Share(parent, 3), "keeping half of the human data lowers the synthetic share of training");
        Assert.Equal(0, ScenarioRuns.Value(parent.Metrics, MetricNames.WatermarkedShareDocuments, 4, ""));
        Assert.True(ScenarioRuns.Value(child.Metrics, MetricNames.WatermarkedShareDocuments, 4, "") > 0, "the fork watermarks from tick 2");

        var manifest = RunOutput.ReadManifest(folder);
        Assert.Equal(RunStatusKind.Completed, manifest.Status);
        Assert.Equal(parent.Manifest.RunId, manifest.Fork!.ParentRunId);
        Assert.Equal(2, manifest.Fork.Tick);
    }

    [Fact]
    public async Task A_fork_whose_history_differs_from_its_parent_s_fails_and_never_says_completed()
    {
        var parent = await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(Scenario));
        var metrics = Path.Combine(parent.OutputDirectory, RunFiles.Metrics);
        var lines = File.ReadAllLines(metrics);
        lines[3] = string.Join(',', lines[3].Split(',')[..^1]) + ",12345";
        File.WriteAllText(metrics, string.Join('\n', lines) + "\n");
        var (scenario, fork) = RunFork.Plan(parent.OutputDirectory, 2, [("/vendors/0/decoding/temperature", JsonValue.Create(1.0))]);
        var folder = Path.Combine(Path.GetTempPath(), "ecosystem-tests", $"fork-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new ScenarioRunner(cluster.Handle.Cluster.Client).RunAsync(scenario, folder, fork: fork));

        Assert.Contains("line 4", error.Message);
        var manifest = RunOutput.ReadManifest(folder);
        Assert.Equal(RunStatusKind.Failed, manifest.Status);
        Assert.Equal(2, manifest.CompletedTicks);
    }
}
