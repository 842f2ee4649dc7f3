using Ecosystem.Experiments.Sweeps;
using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Tests;

public class SweepLoaderTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "scenarios");

    private static SweepPlan Parse(string json) => SweepLoader.Parse(json, Scenarios);

    [Fact]
    public void The_grid_is_every_combination_times_every_seed_with_the_last_axis_fastest()
    {
        var plan = Parse("""
            {
              "name": "grid", "scenario": "quickstart.json", "seeds": { "first": 10, "count": 3 },
              "parameters": [
                { "name": "keep", "paths": ["/vendors/*/training/keepHumanFraction"], "values": [0, 0.1] },
                { "name": "temperature", "paths": ["/vendors/0/decoding/temperature"], "values": [0.8, 1.0, 1.2] }
              ]
            }
            """);

        Assert.Equal(6, plan.Points.Count);
        Assert.Equal(18, plan.Runs.Count);
        Assert.Equal("keep=0, temperature=0.8", plan.Points[0].Label);
        Assert.Equal("keep=0, temperature=1.0", plan.Points[1].Label);
        Assert.Equal("keep=0.1, temperature=0.8", plan.Points[3].Label);
        Assert.Equal([10L, 11, 12], plan.Runs.Take(3).Select(r => r.Seed));
        var last = plan.Runs[^1];
        Assert.Equal(0.1, last.Scenario.Vendors[0].Training.KeepHumanFraction);
        Assert.Equal(1.2, last.Scenario.Vendors[0].Decoding.Temperature);
        Assert.Equal(12, last.Scenario.Seed);
        Assert.Equal(plan.Runs.Count, plan.Runs.Select(r => r.FolderName).Distinct().Count());
    }

    [Fact]
    public void Runs_keep_the_base_scenario_name_so_a_run_can_be_repeated_with_ecosystem_run()
    {
        var plan = Parse("""{ "name": "g", "scenario": "quickstart.json", "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2] } ] }""");

        Assert.All(plan.Runs, r => Assert.Equal("quickstart", r.Scenario.Name));
        Assert.All(plan.Runs, r => Assert.Equal(2, r.Scenario.Ticks));
        Assert.Equal(5, plan.Runs.Count);
    }

    [Fact]
    public void A_value_the_scenario_rejects_names_the_point_and_the_scenario_field()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Parse("""
            { "name": "g", "scenario": "quickstart.json",
              "parameters": [ { "name": "keep", "paths": ["/vendors/*/training/keepHumanFraction"], "values": [0.5, 2] } ] }
            """));

        var problem = Assert.Single(error.Errors);
        Assert.Contains("keep=2", problem.Path);
        Assert.Contains("$.vendors[0].training.keepHumanFraction", problem.Path);
    }

    [Theory]
    [InlineData("""{ "name": "g", "scenario": "quickstart.json", "parameters": [], "extra": 1 }""", "$")]
    [InlineData("""{ "name": "G!", "scenario": "quickstart.json", "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2] } ] }""", "$.name")]
    [InlineData("""{ "name": "g", "scenario": "quickstart.json", "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2, 3], "labels": ["two"] } ] }""", "$.parameters[0].labels")]
    [InlineData("""{ "name": "g", "scenario": "missing.json", "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2] } ] }""", "$.scenario")]
    [InlineData("""{ "name": "g", "scenario": "quickstart.json", "parameters": [ { "name": "t", "paths": ["/vendors/9/name"], "values": ["x"] } ] }""", "$.parameters[0].paths")]
    [InlineData("""{ "name": "g", "scenario": "quickstart.json", "seeds": { "count": 0 }, "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2] } ] }""", "$.seeds.count")]
    [InlineData("""{ "name": "g", "scenario": "quickstart.json", "parameters": [ { "name": "t", "paths": ["/ticks"], "values": [2] }, { "name": "t", "paths": ["/seed"], "values": [1] } ] }""", "$.parameters[1].name")]
    public void A_bad_sweep_file_names_the_field(string json, string path)
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Parse(json));

        Assert.Contains(error.Errors, e => e.Path.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_sweep_is_valid()
    {
        var sweeps = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sweeps"), "*.json")
            .Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sweeps);
        Assert.All(sweeps, f => Assert.NotEmpty(SweepLoader.LoadFile(f).Runs));
    }
}
