using Ecosystem.Abstractions.Metrics;
using Ecosystem.Runner;
using Ecosystem.Scenarios;

namespace Ecosystem.Simulation.Tests;

/// <summary>Runs scenarios on a test cluster into temporary folders.</summary>
internal static class ScenarioRuns
{
    public static async Task<RunResult> RunAsync(TestClusterHandle cluster, Scenario scenario, bool keepGrains = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecosystem-tests", $"{scenario.Name}-{Guid.NewGuid():N}");
        return await new ScenarioRunner(cluster.Cluster.Client) { KeepGrainsAfterRun = keepGrains }.RunAsync(scenario, folder);
    }

    public static Scenario Parse(string json) => ScenarioLoader.Parse(json, "test scenario");

    /// <summary>Values of one metric per (replicate) at one tick for one vendor.</summary>
    public static double[] Values(IEnumerable<MetricRow> rows, string metric, int tick, string vendor, string label = "") =>
        rows.Where(r => r.Tick == tick && r.Vendor == vendor && r.Metric == metric && r.Label == label)
            .OrderBy(r => r.Replicate)
            .Select(r => r.Value)
            .ToArray();

    public static double Value(IEnumerable<MetricRow> rows, string metric, int tick, string vendor, string label = "") =>
        Assert.Single(Values(rows, metric, tick, vendor, label));
}
