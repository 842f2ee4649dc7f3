using System.Globalization;
using System.Text.Json.Nodes;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>A place in a JSON document: property names and array indices from the root.</summary>
public sealed record JsonLocation(IReadOnlyList<object> Segments)
{
    /// <summary>The document's root.</summary>
    public static JsonLocation Root { get; } = new([]);

    /// <summary>The location's parent; the root has none.</summary>
    public JsonLocation Parent => new(Segments.Take(Segments.Count - 1).ToArray());

    /// <summary>The last property name (null for the root or an array element).</summary>
    public string? Name => Segments.Count > 0 ? Segments[^1] as string : null;

    /// <summary>The location of property <paramref name="name"/> of the object here.</summary>
    public JsonLocation Child(string name) => new([.. Segments, name]);

    /// <summary>The location of element <paramref name="index"/> of the array here.</summary>
    public JsonLocation Item(int index) => new([.. Segments, index]);

    /// <summary>The node at this location in <paramref name="root"/>, or null when absent.</summary>
    public JsonNode? Find(JsonNode root)
    {
        JsonNode? node = root;
        foreach (var segment in Segments)
        {
            node = (segment, node) switch
            {
                (string name, JsonObject obj) => obj[name],
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The path the way scenario errors write it: <c>$.vendors[0].model.family</c>.</summary>
    public string ToJsonPath() => "$" + string.Concat(Segments.Select(s => s is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : $".{s}"));

    /// <inheritdoc />
    public override string ToString() => ToJsonPath();
}
