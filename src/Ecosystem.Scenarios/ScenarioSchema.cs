using NJsonSchema;

namespace Ecosystem.Scenarios;

/// <summary>The published JSON schema of scenario files, embedded in this assembly.</summary>
public static class ScenarioSchema
{
    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream("scenario.schema.json")
            ?? throw new InvalidOperationException("The scenario schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromJsonAsync(SchemaText.Value).GetAwaiter().GetResult());

    /// <summary>The schema's JSON text.</summary>
    public static string Text => SchemaText.Value;

    /// <summary>The parsed schema.</summary>
    public static JsonSchema Schema => Parsed.Value;
}
