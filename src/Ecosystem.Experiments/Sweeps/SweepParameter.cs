using System.Text.Json.Nodes;

namespace Ecosystem.Experiments.Sweeps;

/// <summary>One axis of a sweep's grid: the values written at the given JSON pointers of the base scenario.</summary>
/// <param name="Name">Column name in result tables.</param>
/// <param name="Paths">JSON pointers; a "*" segment stands for every element of an array.</param>
/// <param name="Values">The axis' values.</param>
/// <param name="Labels">Display labels, one per value; null means the values' JSON text.</param>
public sealed record SweepParameter(string Name, IReadOnlyList<string> Paths, IReadOnlyList<JsonNode?> Values, IReadOnlyList<string>? Labels)
{
    /// <summary>The display label of value <paramref name="index"/>.</summary>
    public string LabelOf(int index) => Labels?[index] ?? Values[index] switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };
}
