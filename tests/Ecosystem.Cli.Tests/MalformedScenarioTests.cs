using System.Diagnostics;
using Ecosystem.Cli.Tests.Malformed;
using Xunit.Abstractions;

namespace Ecosystem.Cli.Tests;

/// <summary>Hundreds of malformed scenario files, generated from the shipped scenarios by systematic mutations: each is
/// rejected by <c>ecosystem validate</c> with exit code 2 and a message naming the field, and none crashes.</summary>
public sealed class MalformedScenarioTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string ShippedScenarios = Path.Combine(AppContext.BaseDirectory, "scenarios");

    private readonly string _directory = Directory.CreateTempSubdirectory("ecosystem-malformed-").FullName;

    [Fact]
    public void The_generator_covers_every_kind_of_mutation_with_at_least_500_files()
    {
        var scenarios = MalformedScenarioGenerator.Generate(ShippedScenarios);

        Assert.True(scenarios.Count >= 500, $"only {scenarios.Count} malformed scenarios");
        var byKind = scenarios.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        log.WriteLine(string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}")));
        foreach (var kind in Enum.GetValues<MutationKind>())
        {
            Assert.True(byKind.GetValueOrDefault(kind) >= 10, $"{kind}: {byKind.GetValueOrDefault(kind)} scenario(s)");
        }

        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Every_malformed_scenario_is_rejected_in_process_with_exit_code_2_naming_its_field()
    {
        var scenarios = MalformedScenarioGenerator.Generate(ShippedScenarios);
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var file = Write(i, scenario);
            var result = await CliInvocation.InProcessAsync("validate", file);
            if (Problem(scenario, result) is { } problem)
            {
                failures.Add($"{scenario.Id} ({scenario.Kind}, expected {scenario.ExpectedPath}{(scenario.ExpectedWord is null ? "" : $" and '{scenario.ExpectedWord}'")}): {problem}");
            }
        }

        log.WriteLine($"{scenarios.Count} malformed scenarios validated in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        failures.ForEach(log.WriteLine);
        Assert.True(failures.Count == 0, $"{failures.Count} of {scenarios.Count} malformed scenarios were not rejected properly:\n" +
                                         string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task A_malformed_scenario_of_each_kind_is_rejected_by_the_real_process()
    {
        var scenarios = MalformedScenarioGenerator.Generate(ShippedScenarios);

        // The first of each kind, through a real ecosystem process: the exit code is the process's own.
        foreach (var (scenario, i) in scenarios.Select((s, i) => (s, i)).DistinctBy(p => p.s.Kind))
        {
            var result = await CliInvocation.ProcessAsync(TimeSpan.FromSeconds(60), "validate", Write(i, scenario));

            Assert.True(Problem(scenario, result) is null, $"{scenario.Id}: {Problem(scenario, result)}");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(int index, MalformedScenario scenario)
    {
        var name = string.Concat(scenario.Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var path = Path.Combine(_directory, $"{index:D4}-{(name.Length > 100 ? name[..100] : name)}.json");
        File.WriteAllText(path, scenario.Json);
        return path;
    }

    private static string? Problem(MalformedScenario scenario, CliResult result)
    {
        if (result.ShowsCrash)
        {
            return $"crashed (exit code {result.ExitCode}):\n{result.Error}{result.Output}";
        }

        if (result.ExitCode != ExitCodes.InvalidInput)
        {
            return $"exit code {result.ExitCode}; output: {result.Output.Trim()} {result.Error.Trim()}";
        }

        if (!result.Error.Contains(scenario.ExpectedPath, StringComparison.Ordinal))
        {
            return $"the message does not name {scenario.ExpectedPath}:\n{result.Error.Trim()}";
        }

        if (scenario.ExpectedWord is { } word && !result.Error.Contains(word, StringComparison.Ordinal))
        {
            return $"the message does not mention '{word}':\n{result.Error.Trim()}";
        }

        return null;
    }
}
