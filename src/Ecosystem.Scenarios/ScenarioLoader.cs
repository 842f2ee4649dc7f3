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

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioValidationException(path, [new ScenarioError("$", $"the scenario file cannot be read: {e.Message}")]);
        }

        var scenario = Parse(text, path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (scenario.Data.Text.Path is { } corpusPath && !Path.IsPathRooted(corpusPath))
        {
            scenario = scenario with
            {
                Data = scenario.Data with { Text = scenario.Data.Text with { Path = Path.GetFullPath(Path.Combine(folder, corpusPath)) } },
            };
        }

        return scenario with { Vendors = scenario.Vendors.Select(v => WithBasePathFrom(v, folder)).ToList() };
    }

    private static VendorSpec WithBasePathFrom(VendorSpec vendor, string folder) =>
        vendor.Model.Base is { Path: { } basePath } spec && !Path.IsPathRooted(basePath)
            ? vendor with { Model = vendor.Model with { Base = spec with { Path = Path.GetFullPath(Path.Combine(folder, basePath)) } } }
            : vendor;

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
        if (JsonSyntax.FirstProblem(json) is { } syntax)
        {
            return [syntax];
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
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException)
        {
            // The schema admits only what the records hold, so this is a gap in the schema; still name the field.
            return [new ScenarioError((e as JsonException)?.Path ?? "$", Unreadable(e))];
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

    /// <summary>Says in the scenario's terms what could not be read, rather than naming .NET types.</summary>
    private static string Unreadable(Exception e)
    {
        const string converted = "could not be converted to ";
        var message = JsonSyntax.FirstSentence(e.Message);
        var at = message.IndexOf(converted, StringComparison.Ordinal);
        if (at < 0)
        {
            return $"cannot be read: {message}";
        }

        var type = message[(at + converted.Length)..].TrimEnd('.');
        var expected = type switch
        {
            "System.Int32" or "System.Nullable`1[System.Int32]" => "a whole number from -2147483648 to 2147483647",
            "System.Int64" or "System.Nullable`1[System.Int64]" => "a whole number",
            "System.Double" or "System.Nullable`1[System.Double]" => "a finite number",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            _ when type.StartsWith("Ecosystem.Scenarios.", StringComparison.Ordinal) && !type.EndsWith("Spec", StringComparison.Ordinal) => "one of the allowed values",
            _ => "a value of this field's type",
        };
        return $"cannot be read as {expected}";
    }
}
