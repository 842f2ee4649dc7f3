using Ecosystem.Scenarios;

namespace Ecosystem.Scenarios.Tests;

public class ShippedScenarioTests
{
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
                     .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
                     .OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_shipped_scenario_is_valid(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.NotEmpty(scenario.Vendors);
        Assert.False(string.IsNullOrWhiteSpace(scenario.Description));
    }

    [Fact]
    public void The_required_scenarios_ship()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json").Select(Path.GetFileName).ToHashSet();

        foreach (var required in new[] { "quickstart.json", "gaussian-refit.json", "categorical-absorption.json", "mad-loops.json", "accumulate-vs-replace.json", "watermark-adoption.json" })
        {
            Assert.Contains(required, names);
        }
    }
}
