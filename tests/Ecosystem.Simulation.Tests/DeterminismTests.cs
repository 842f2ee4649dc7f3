using Ecosystem.Grains.Placement;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

/// <summary>The same scenario and seed give byte-identical metrics whatever the cluster shape.</summary>
public class DeterminismTests
{
    internal const string TextScenario = """
        {
          "name": "determinism-text", "seed": 99, "ticks": 4, "shards": 3,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 64, "maxDocuments": 400 } },
          "humans": { "authors": 30, "documentsPerTick": 60 },
          "vendors": [
            { "name": "alpha", "training": { "policy": "replace", "crawlBudget": 150 }, "deployment": { "documentsPerTick": 120 } },
            { "name": "beta", "model": { "order": 2 }, "training": { "policy": "accumulate", "keepHumanFraction": 0.2 },
              "decoding": { "temperature": 0.8 }, "deployment": { "documentsPerTick": 80 } }
          ],
          "metrics": { "heldOutDocuments": 50 }
        }
        """;

    private const string GaussianScenario = """
        {
          "name": "determinism-gaussian", "seed": 4, "ticks": 6, "replicates": 20, "shards": 2,
          "data": { "kind": "mixture" },
          "humans": { "authors": 3, "documentsPerTick": 6, "lastTick": 2, "documentLength": 20 },
          "vendors": [
            { "name": "g", "model": { "family": "gaussian" }, "deployment": { "documentsPerTick": 5, "documentLength": 20 } },
            { "name": "m", "model": { "family": "gmm" }, "training": { "sources": "self", "freshHumanDocuments": 2 }, "deployment": { "documentsPerTick": 5 } }
          ]
        }
        """;

    /// <summary>Whole-web crawls: every shard's census and draw must not depend on where the shards live.</summary>
    internal const string WebCrawlScenario = """
        {
          "name": "determinism-crawl", "seed": 31, "ticks": 5, "shards": 4,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 32, "maxDocuments": 300 } },
          "humans": { "authors": 20, "documentsPerTick": 40 },
          "vendors": [
            { "name": "uniform", "training": { "crawlBudget": 70, "crawlPolicy": { "kind": "uniform" } }, "deployment": { "documentsPerTick": 30 } },
            { "name": "recent", "training": { "policy": "accumulate", "sources": "self", "crawlBudget": 50, "crawlPolicy": { "kind": "recency", "halfLife": 1 } },
              "deployment": { "documentsPerTick": 30 } }
          ],
          "metrics": { "heldOutDocuments": 40 }
        }
        """;

    [Theory]
    [InlineData(TextScenario)]
    [InlineData(GaussianScenario)]
    [InlineData(WebCrawlScenario)]
    public async Task One_silo_and_three_silos_write_identical_metrics(string json)
    {
        var scenario = ScenarioRuns.Parse(json);

        string oneSilo;
        await using (var cluster = await TestClusterHandle.StartAsync(1))
        {
            oneSilo = (await ScenarioRuns.RunAsync(cluster, scenario)).OutputDirectory;
        }

        var threeSilos = await RunSpreadOverThreeSilosAsync(scenario);

        var expected = await File.ReadAllBytesAsync(Path.Combine(oneSilo, RunFiles.Metrics));
        var actual = await File.ReadAllBytesAsync(Path.Combine(threeSilos, RunFiles.Metrics));
        Assert.True(expected.Length > 1000, "the run wrote metrics");
        Assert.Equal(expected, actual);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(oneSilo, RunFiles.Samples)),
            await File.ReadAllTextAsync(Path.Combine(threeSilos, RunFiles.Samples)));
    }

    /// <summary>Runs the scenario on a fresh cluster of three silos and checks that its grains ended up on more than one
    /// of them, so that documents crossed between silos; a silo that had not yet learnt of the others places every grain
    /// on itself, and such a run is made again on a fresh cluster (three tries).</summary>
    private static async Task<string> RunSpreadOverThreeSilosAsync(Scenario scenario)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var cluster = await TestClusterHandle.StartAsync(3);
            var result = await ScenarioRuns.RunAsync(cluster, scenario, keepGrains: true);
            var silos = (await SimulationActivations.PerSiloAsync(cluster.Cluster.Client)).Count;
            if (silos > 1 || attempt == 3)
            {
                Assert.True(silos > 1, $"the run's grains were on {silos} of 3 silos in each of {attempt} tries");
                return result.OutputDirectory;
            }
        }
    }
}
