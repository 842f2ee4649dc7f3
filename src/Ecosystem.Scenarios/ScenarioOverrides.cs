using System.Globalization;
using System.Text.Json.Nodes;

namespace Ecosystem.Scenarios;

/// <summary>Writes values into a scenario's JSON at RFC 6901 pointers, where a "*" segment means every array element.</summary>
public static class ScenarioOverrides
{
    /// <summary>Writes <paramref name="value"/> at <paramref name="pointer"/> in <paramref name="root"/>, creating missing
    /// objects on the way; returns a problem description, or null when it was written.</summary>
    public static string? TrySet(JsonObject root, string pointer, JsonNode? value)
    {
        if (!pointer.StartsWith('/'))
        {
            return $"'{pointer}' is not a JSON pointer (it must start with '/')";
        }

        var segments = pointer[1..].Split('/').Select(Unescape).ToArray();
        var written = 0;
        var problem = Set(root, segments, 0, value, ref written);
        return problem ?? (written == 0 ? $"'{pointer}' matches nothing (a '*' over an empty array)" : null);
    }

    private static string? Set(JsonNode node, string[] segments, int depth, JsonNode? value, ref int written)
    {
        var segment = segments[depth];
        var last = depth == segments.Length - 1;
        var at = "/" + string.Join('/', segments.Take(depth));
        switch (node)
        {
            case JsonObject obj:
                if (segment == "*")
                {
                    return $"'*' at '{at}' needs an array, but that is an object";
                }

                if (last)
                {
                    obj[segment] = value?.DeepClone();
                    written++;
                    return null;
                }

                if (obj[segment] is null)
                {
                    obj[segment] = new JsonObject();
                }

                return Set(obj[segment]!, segments, depth + 1, value, ref written);

            case JsonArray array:
                IEnumerable<int> indices;
                if (segment == "*")
                {
                    indices = Enumerable.Range(0, array.Count);
                }
                else if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count)
                {
                    indices = [index];
                }
                else
                {
                    return $"'{segment}' at '{at}' is not an index of that array (it has {array.Count} element(s))";
                }

                foreach (var i in indices)
                {
                    if (last)
                    {
                        array[i] = value?.DeepClone();
                        written++;
                        continue;
                    }

                    if (array[i] is not { } element)
                    {
                        return $"element {i} at '{at}' is null";
                    }

                    if (Set(element, segments, depth + 1, value, ref written) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            default:
                return $"'{at}' is a value, so '{segment}' cannot be set inside it";
        }
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
