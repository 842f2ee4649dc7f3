using NJsonSchema;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>The published JSON schema of sweep files, embedded in this assembly.</summary>
public static class SweepSchema
{
    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(SweepSchema).Assembly.GetManifestResourceStream("sweep.schema.json")
            ?? throw new InvalidOperationException("The sweep schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromJsonAsync(SchemaText.Value).GetAwaiter().GetResult());

    /// <summary>The schema's JSON text.</summary>
    public static string Text => SchemaText.Value;

    /// <summary>The parsed schema.</summary>
    public static JsonSchema Schema => Parsed.Value;
}
