using System.Text.Json;
using System.Text.Json.Nodes;
using Ecosystem.Scenarios;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>Generates malformed scenario files from the shipped scenarios by systematic mutations (see
/// <see cref="MutationKind"/>), each with the JSON path its error must name. Deterministic: the same shipped files give
/// the same set, in the same order.</summary>
public static class MalformedScenarioGenerator
{
    /// <summary>How generated files are written.</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    /// <summary>Every malformed scenario derived from the scenario files in <paramref name="scenarioDirectory"/>,
    /// without duplicates (the same text from two mutations is kept once).</summary>
    public static IReadOnlyList<MalformedScenario> Generate(string scenarioDirectory)
    {
        var schema = ScenarioSchema.Schema;
        var all = new List<MalformedScenario>(SyntaxMutations.NotScenarios());
        foreach (var file in Directory.GetFiles(scenarioDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "scenario.schema.json")
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(file);
            var json = File.ReadAllText(file);
            var root = JsonNode.Parse(json)!.AsObject();
            all.AddRange(SyntaxMutations.Documents(name, json));
            all.AddRange(FieldMutations.Of(name, root, schema));
            all.AddRange(SyntaxMutations.Of(name, root));
            all.AddRange(RuleMutations.Of(name, root));
        }

        // A valid policy change gives the fields of "changes" something to break too.
        var quickstart = JsonNode.Parse(File.ReadAllText(Path.Combine(scenarioDirectory, "quickstart.json")))!.AsObject();
        quickstart["changes"] = new JsonArray(new JsonObject
        {
            ["tick"] = 2, ["path"] = "/vendors/0/training/keepHumanFraction", ["value"] = 0.5,
        });
        all.AddRange(FieldMutations.Of("quickstart-with-change", quickstart, schema)
            .Where(m => m.ExpectedPath.StartsWith("$.changes", StringComparison.Ordinal)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return all.Where(m => seen.Add(m.Json)).ToList();
    }
}
