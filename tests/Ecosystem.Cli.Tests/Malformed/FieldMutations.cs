using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>Mutations of single fields, guided by the published schema: wrong types, out-of-range values, unknown enum
/// values and fields, missing required fields, and fields or objects moved to the wrong place.</summary>
public static class FieldMutations
{
    private const string UnknownFieldName = "colour";

    /// <summary>Every field mutation of <paramref name="root"/>, a valid scenario described by <paramref name="schema"/>.</summary>
    public static IEnumerable<MalformedScenario> Of(string name, JsonObject root, JsonSchema schema)
    {
        foreach (var (location, node, objectSchema) in Objects(JsonLocation.Root, root, schema))
        {
            foreach (var mutation in ObjectMutations(name, root, location, node, objectSchema))
            {
                yield return mutation;
            }

            foreach (var property in SchemaLookup.PropertyNames(objectSchema, node))
            {
                if (SchemaLookup.Property(objectSchema, property, node) is not { } propertySchema)
                {
                    continue;
                }

                foreach (var mutation in ValueMutations(name, root, location.Child(property), propertySchema))
                {
                    yield return mutation;
                }
            }
        }
    }

    /// <summary>Every object in the document with its schema; of an array, its first element.</summary>
    public static IEnumerable<(JsonLocation Location, JsonObject Node, JsonSchema Schema)> Objects(JsonLocation location, JsonObject node, JsonSchema schema)
    {
        yield return (location, node, schema);
        foreach (var (key, value) in node)
        {
            if (SchemaLookup.Property(schema, key, node) is not { } propertySchema)
            {
                continue;
            }

            var child = location.Child(key);
            if (value is JsonObject obj)
            {
                foreach (var nested in Objects(child, obj, propertySchema))
                {
                    yield return nested;
                }
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first && propertySchema.Item is { } itemSchema)
            {
                foreach (var nested in Objects(child.Item(0), first, itemSchema.ActualSchema))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<MalformedScenario> ObjectMutations(string name, JsonObject root, JsonLocation location, JsonObject node, JsonSchema schema)
    {
        var path = location.ToJsonPath();
        if (SchemaLookup.ClosesProperties(schema, node))
        {
            yield return Mutate(name, MutationKind.UnknownField, $"unknown-field@{path}", root, location, (_, o) => ((JsonObject)o).Add(UnknownFieldName, 1), path, UnknownFieldName);

            // The classic slip: a field written in PascalCase.
            if (node.FirstOrDefault(p => p.Key != "$schema") is { Key: { Length: > 0 } first } && char.IsLower(first[0]))
            {
                var capitalised = char.ToUpperInvariant(first[0]) + first[1..];
                yield return Mutate(name, MutationKind.UnknownField, $"capitalised-{first}@{path}", root, location, (_, o) => Rename((JsonObject)o, first, capitalised), path, capitalised);
            }
        }

        foreach (var required in SchemaLookup.Required(schema, node).Where(node.ContainsKey))
        {
            yield return Mutate(name, MutationKind.MissingRequired, $"missing-{required}@{path}", root, location, (_, o) => ((JsonObject)o).Remove(required), path, required);
        }

        if (location.Segments.Count == 0)
        {
            yield break;
        }

        // An object given where an array of objects is expected, and the other way round.
        var wrapped = location.Segments[^1] is int ? location.Parent : location;
        yield return Mutate(name, MutationKind.WrongNesting, $"wrapped-in-array@{path}", root, location, (copy, o) => Replace(copy, location, new JsonArray(o.DeepClone())), path);
        if (location.Segments[^1] is int)
        {
            var arrayPath = wrapped.ToJsonPath();
            yield return Mutate(name, MutationKind.WrongNesting, $"array-replaced-by-its-element@{arrayPath}", root, location, (copy, o) => Replace(copy, wrapped, o.DeepClone()), arrayPath);
            yield break;
        }

        // A scalar of the parent moved into this object, and a scalar of this object moved up into the parent.
        var parentLocation = location.Parent;
        if (parentLocation.Find(root) is JsonObject parent && SchemaLookup.ClosesProperties(schema, node))
        {
            var sibling = parent.FirstOrDefault(p => p.Key != location.Name && p.Key != "$schema" && p.Value is JsonValue &&
                                                    SchemaLookup.Property(schema, p.Key, node) is null).Key;
            if (sibling is not null)
            {
                yield return Mutate(name, MutationKind.WrongNesting, $"moved-{sibling}-into@{path}", root, location, (_, o) =>
                {
                    var value = parent[sibling]!.DeepClone();
                    ((JsonObject)o)[sibling] = value;
                }, path, sibling, removeFrom: (parentLocation, sibling));
            }
        }

        var parentSchemaHasChild = (string key) => parentLocation.Find(root) is JsonObject p && p.ContainsKey(key);
        var child = node.FirstOrDefault(p => p.Value is JsonValue && p.Key != "kind" && !parentSchemaHasChild(p.Key)).Key;
        if (child is not null)
        {
            var parentPath = parentLocation.ToJsonPath();
            yield return Mutate(name, MutationKind.WrongNesting, $"moved-{child}-up-from@{path}", root, parentLocation, (_, p) =>
            {
                ((JsonObject)p)[child] = node[child]!.DeepClone();
            }, parentPath, child, removeFrom: (location, child));
        }
    }

    private static IEnumerable<MalformedScenario> ValueMutations(string name, JsonObject root, JsonLocation location, JsonSchema schema)
    {
        var path = location.ToJsonPath();
        var parentLocation = location.Parent;
        var field = location.Name ?? location.Parent.Name!;
        MalformedScenario Set(MutationKind kind, string what, JsonNode? value, string? word = null) =>
            Mutate(name, kind, $"{what}@{path}", root, parentLocation, (_, o) => SetAt(o, location.Segments[^1], value), path, word);

        var actual = schema.ActualSchema;
        if (actual.Type != JsonObjectType.None)
        {
            var wrong = WrongTypedValues().Where(c => !SchemaLookup.Allows(actual, c.Type)).Take(2);
            foreach (var (type, value) in wrong)
            {
                yield return Set(MutationKind.WrongType, $"wrong-type-{type.ToString().ToLowerInvariant()}", value?.DeepClone());
            }
        }

        if (actual.Enumeration.Count > 0)
        {
            yield return Set(MutationKind.UnknownEnumValue, "unknown-enum-value", JsonValue.Create("no-such-" + field), "no-such-" + field);
        }

        var integer = actual.Type.HasFlag(JsonObjectType.Integer);
        if (integer || actual.Type.HasFlag(JsonObjectType.Number))
        {
            if (Below(actual, integer) is { } below)
            {
                yield return Set(MutationKind.OutOfRange, "below-minimum", below);
            }

            if (Above(actual, integer) is { } above)
            {
                yield return Set(MutationKind.OutOfRange, "above-maximum", above);
            }

            // Numbers no computer type holds: an integer beyond 64 bits, a number beyond double.
            yield return Set(MutationKind.OutOfRange, "huge", JsonNode.Parse(integer ? "123456789012345678901234567890" : "1e400"));
            if (integer)
            {
                if (actual.Maximum is null or < 3_000_000_000m)
                {
                    yield return Set(MutationKind.OutOfRange, "beyond-32-bits", JsonValue.Create(3_000_000_000L));
                }

                yield return Set(MutationKind.WrongType, "fraction", JsonValue.Create(2.5));
            }
        }

        if (actual.Type.HasFlag(JsonObjectType.String))
        {
            if (!string.IsNullOrEmpty(actual.Pattern))
            {
                yield return Set(MutationKind.OutOfRange, "pattern", JsonValue.Create("Not A Name!"));
            }

            if (actual.MinLength is > 0)
            {
                yield return Set(MutationKind.OutOfRange, "empty-string", JsonValue.Create(""));
            }
        }

        if (actual.Type.HasFlag(JsonObjectType.Array))
        {
            if (actual.MinItems > 0)
            {
                yield return Set(MutationKind.OutOfRange, "empty-array", new JsonArray());
            }

            if (location.Find(root) is JsonArray { Count: > 0 } existing)
            {
                if (actual.MaxItems > 0 && actual.MaxItems <= 5000)
                {
                    var tooMany = new JsonArray();
                    for (var i = 0; i <= actual.MaxItems; i++)
                    {
                        tooMany.Add(existing[i % existing.Count]?.DeepClone());
                    }

                    yield return Set(MutationKind.OutOfRange, "too-many-items", tooMany);
                }

                if (existing[0] is JsonValue && actual.Item is { } items)
                {
                    foreach (var mutation in ValueMutations(name, root, location.Item(0), items))
                    {
                        yield return mutation;
                    }
                }
            }
        }
    }

    private static IEnumerable<(JsonObjectType Type, JsonNode? Value)> WrongTypedValues() =>
    [
        (JsonObjectType.String, JsonValue.Create("seven")),
        (JsonObjectType.Boolean, JsonValue.Create(true)),
        (JsonObjectType.Object, new JsonObject { ["value"] = 1 }),
        (JsonObjectType.Array, new JsonArray(1, 2)),
        (JsonObjectType.Integer, JsonValue.Create(7)),
        (JsonObjectType.Null, null),
    ];

    private static JsonNode? Below(JsonSchema schema, bool integer)
    {
        if (schema.ExclusiveMinimum is { } exclusive)
        {
            return Number(exclusive, integer);
        }

        if (schema.Minimum is { } minimum)
        {
            return Number(schema.IsExclusiveMinimum ? minimum : minimum - 1, integer);
        }

        return null;
    }

    private static JsonNode? Above(JsonSchema schema, bool integer)
    {
        if (schema.ExclusiveMaximum is { } exclusive)
        {
            return Number(exclusive, integer);
        }

        if (schema.Maximum is { } maximum)
        {
            return Number(schema.IsExclusiveMaximum ? maximum : maximum + 1, integer);
        }

        return null;
    }

    private static JsonNode Number(decimal value, bool integer) =>
        JsonNode.Parse(integer ? decimal.Truncate(value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>A copy of <paramref name="root"/> with <paramref name="change"/> applied to (the copy, its node at <paramref name="at"/>).</summary>
    private static MalformedScenario Mutate(string name, MutationKind kind, string what, JsonObject root, JsonLocation at, Action<JsonObject, JsonNode> change,
        string expectedPath, string? expectedWord = null, (JsonLocation Object, string Field)? removeFrom = null)
    {
        var copy = (JsonObject)root.DeepClone();
        change(copy, at.Find(copy)!);
        if (removeFrom is { } remove)
        {
            ((JsonObject)remove.Object.Find(copy)!).Remove(remove.Field);
        }

        return new MalformedScenario($"{name}/{what}", kind, copy.ToJsonString(MalformedScenarioGenerator.Indented), expectedPath, expectedWord);
    }

    private static void Replace(JsonObject root, JsonLocation location, JsonNode replacement) =>
        SetAt(location.Parent.Find(root)!, location.Segments[^1], replacement);

    private static void SetAt(JsonNode container, object segment, JsonNode? value)
    {
        switch (segment)
        {
            case string key:
                ((JsonObject)container)[key] = value;
                break;
            case int index:
                ((JsonArray)container)[index] = value;
                break;
        }
    }

    /// <summary>Renames a property in place, keeping the order of the others.</summary>
    internal static void Rename(JsonObject obj, string from, string to)
    {
        var properties = obj.Select(p => (Key: p.Key == from ? to : p.Key, p.Value)).ToList();
        obj.Clear();
        foreach (var (key, value) in properties)
        {
            obj[key] = value;
        }
    }
}
