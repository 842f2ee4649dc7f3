using System.Text.Json.Nodes;
using NJsonSchema;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>Finds the published schema of a field, so that mutations can break exactly what the schema allows.</summary>
public static class SchemaLookup
{
    /// <summary>The schema of property <paramref name="name"/> of an object described by <paramref name="objectSchema"/>;
    /// for an object told apart by "kind" (oneOf), the branch of <paramref name="node"/>'s kind. Null when unknown.</summary>
    public static JsonSchema? Property(JsonSchema objectSchema, string name, JsonObject? node)
    {
        var actual = objectSchema.ActualSchema;
        if (actual.Properties.TryGetValue(name, out var property))
        {
            return property.ActualSchema;
        }

        return Branch(actual, node) is { } branch && branch.Properties.TryGetValue(name, out var branchProperty)
            ? branchProperty.ActualSchema
            : null;
    }

    /// <summary>Every property name an object may have (its own, and its kind's branch).</summary>
    public static IReadOnlyList<string> PropertyNames(JsonSchema objectSchema, JsonObject? node)
    {
        var actual = objectSchema.ActualSchema;
        var names = actual.Properties.Keys.ToList();
        if (Branch(actual, node) is { } branch)
        {
            names.AddRange(branch.Properties.Keys.Where(k => !names.Contains(k)));
        }

        return names;
    }

    /// <summary>The required property names of an object (its own, and its kind's branch).</summary>
    public static IReadOnlyList<string> Required(JsonSchema objectSchema, JsonObject? node)
    {
        var actual = objectSchema.ActualSchema;
        var names = actual.RequiredProperties.ToList();
        if (Branch(actual, node) is { } branch)
        {
            names.AddRange(branch.RequiredProperties.Where(k => !names.Contains(k)));
        }

        return names;
    }

    /// <summary>Whether the object rejects fields it does not declare.</summary>
    public static bool ClosesProperties(JsonSchema objectSchema, JsonObject? node)
    {
        var actual = objectSchema.ActualSchema;
        return !actual.AllowAdditionalProperties || Branch(actual, node) is { AllowAdditionalProperties: false };
    }

    /// <summary>Whether a value of JSON kind <paramref name="type"/> is allowed by <paramref name="schema"/>'s "type".</summary>
    public static bool Allows(JsonSchema schema, JsonObjectType type)
    {
        var declared = schema.ActualSchema.Type;
        return declared == JsonObjectType.None || declared.HasFlag(type) ||
               (type == JsonObjectType.Integer && declared.HasFlag(JsonObjectType.Number));
    }

    private static JsonSchema? Branch(JsonSchema actual, JsonObject? node)
    {
        if (actual.OneOf.Count == 0 || node?["kind"] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kind))
        {
            return null;
        }

        return actual.OneOf.Select(b => b.ActualSchema)
            .FirstOrDefault(b => b.Properties.TryGetValue("kind", out var k) && k.ActualSchema.Enumeration.Contains(kind));
    }
}
