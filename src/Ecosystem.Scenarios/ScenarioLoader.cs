using System.Text.Json;

namespace Ecosystem.Scenarios;

/// <summary>Reads a scenario file: JSON syntax, then the published schema, then cross-field rules; every problem names its field.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads and validates a scenario file; relative corpus paths are resolved against the file's folder.</summary>
    /// <exception cref="ScenarioValidationException">The file is missing or invalid.</exception>
    public static Scenario LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException(path, [new ScenarioError("$", "the scenario file does not exist")]);
        }

        var scenario = Parse(File.ReadAllText(path), path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (scenario.Data.Text.Path is { } corpusPath && !Path.IsPathRooted(corpusPath))
        {
            scenario = scenario with
            {
                Data = scenario.Data with { Text = scenario.Data.Text with { Path = Path.GetFullPath(Path.Combine(folder, corpusPath)) } },
            };
        }

        return scenario;
    }

    /// <summary>Parses and validates scenario JSON text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ScenarioValidationException">The text is invalid.</exception>
    public static Scenario Parse(string json, string source = "scenario")
    {
        var errors = Validate(json, out var scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(source, errors);
        }

        return scenario!;
    }

    /// <summary>Every problem in the text, in document order; empty when valid.</summary>
    public static IReadOnlyList<ScenarioError> Validate(string json, out Scenario? scenario)
    {
        scenario = null;
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new ScenarioError("$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")];
        }

        var schemaErrors = SchemaErrorFormatter.Format(ScenarioSchema.Schema.Validate(json))
            .Distinct()
            .ToList();
        if (schemaErrors.Count > 0)
        {
            return schemaErrors;
        }

        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, ScenarioJson.Options)
                ?? throw new JsonException("The document is null.");
        }
        catch (JsonException e)
        {
            return [new ScenarioError(e.Path ?? "$", FirstSentence(e.Message))];
        }

        var ruleErrors = ScenarioRules.Check(scenario).ToList();
        if (ruleErrors.Count == 0)
        {
            foreach (var tick in scenario.Changes.Select(c => c.Tick).Distinct().Order())
            {
                try
                {
                    ScenarioTimeline.Resolve(scenario, tick);
                }
                catch (ScenarioValidationException e)
                {
                    ruleErrors.AddRange(e.Errors);
                    break;
                }
            }
        }

        if (ruleErrors.Count > 0)
        {
            scenario = null;
        }

        return ruleErrors;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }
}
