using System.Text.Json;
using System.Text.Json.Nodes;
using Ecosystem.Scenarios;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>Reads a sweep file, checks it against its schema, and expands it into runs whose scenarios are each
/// validated like a scenario file; every problem names its field.</summary>
public static class SweepLoader
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Loads, validates and expands a sweep file; the base scenario path is resolved against its folder.</summary>
    /// <exception cref="ScenarioValidationException">The sweep, its base scenario, or one of its points is invalid.</exception>
    public static SweepPlan LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException(path, [new ScenarioError("$", "the sweep file does not exist")]);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(File.ReadAllText(path), folder, path);
    }

    /// <summary>Parses and expands sweep JSON; <paramref name="folder"/> resolves the base scenario's relative path.</summary>
    /// <exception cref="ScenarioValidationException">The sweep, its base scenario, or one of its points is invalid.</exception>
    public static SweepPlan Parse(string json, string folder, string source = "sweep")
    {
        var spec = ReadSpec(json, source);
        var scenarioPath = Path.GetFullPath(Path.Combine(folder, spec.Scenario));
        if (!File.Exists(scenarioPath))
        {
            throw new ScenarioValidationException(source, [new ScenarioError("$.scenario", $"the base scenario '{spec.Scenario}' does not exist")]);
        }

        // The base must be valid on its own, so a point's error is the point's fault.
        var baseScenario = ScenarioLoader.LoadFile(scenarioPath);
        var baseJson = JsonNode.Parse(ScenarioJson.Serialize(baseScenario))!.AsObject();
        return Expand(spec, baseJson, source);
    }

    private static SweepSpec ReadSpec(string json, string source)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException(source, [new ScenarioError("$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}")]);
        }

        var schemaErrors = SchemaErrorFormatter.Format(SweepSchema.Schema.Validate(json)).Distinct().ToList();
        if (schemaErrors.Count > 0)
        {
            throw new ScenarioValidationException(source, schemaErrors);
        }

        var spec = JsonSerializer.Deserialize<SweepSpec>(json, Json)!;
        spec = spec with { Seeds = spec.Seeds ?? new SweepSeeds(), Summary = spec.Summary ?? new SweepSummarySpec() };
        var errors = new List<ScenarioError>();
        for (var i = 0; i < spec.Parameters.Count; i++)
        {
            var parameter = spec.Parameters[i];
            if (parameter.Labels is { } labels && labels.Count != parameter.Values.Count)
            {
                errors.Add(new ScenarioError($"$.parameters[{i}].labels",
                    $"found {labels.Count} label(s) for {parameter.Values.Count} value(s); give one label per value"));
            }

            if (spec.Parameters.Take(i).Any(p => p.Name == parameter.Name))
            {
                errors.Add(new ScenarioError($"$.parameters[{i}].name", $"'{parameter.Name}' names another axis already; axis names must differ"));
            }
        }

        return errors.Count > 0 ? throw new ScenarioValidationException(source, errors) : spec;
    }

    private static SweepPlan Expand(SweepSpec spec, JsonObject baseJson, string source)
    {
        var axes = spec.Parameters;
        var points = SweepGrid.Points(axes);
        var runs = new List<PlannedRun>(points.Count * spec.Seeds.Count);
        var errors = new List<ScenarioError>();
        foreach (var point in points)
        {
            var choice = SweepGrid.Choice(axes, point.Index);
            var json = baseJson.DeepClone().AsObject();
            for (var a = 0; a < axes.Count; a++)
            {
                foreach (var pointer in axes[a].Paths)
                {
                    if (ScenarioOverrides.TrySet(json, pointer, axes[a].Values[choice[a]]) is { } problem)
                    {
                        errors.Add(new ScenarioError($"$.parameters[{a}].paths", problem));
                    }
                }
            }

            if (errors.Count > 0)
            {
                break;
            }

            var text = json.ToJsonString();
            var scenarioErrors = ScenarioLoader.Validate(text, out var scenario);
            if (scenarioErrors.Count > 0)
            {
                errors.AddRange(scenarioErrors.Select(e => new ScenarioError($"point [{point.Label}] scenario {e.Path}", e.Message)));
                continue;
            }

            // The scenario keeps its own name, so `ecosystem run` of a run's resolved scenario gives the same numbers.
            runs.AddRange(spec.Seeds.All.Select(seed => new PlannedRun(point, seed, scenario! with { Seed = seed })));
        }

        return errors.Count > 0
            ? throw new ScenarioValidationException(source, errors.Distinct().ToList())
            : new SweepPlan(spec, points, runs);
    }
}
