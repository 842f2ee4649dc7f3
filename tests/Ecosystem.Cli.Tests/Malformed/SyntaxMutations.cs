using System.Text.Json.Nodes;

namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>Text that is not JSON (a broken separator, a missing value, quotes, comments, truncation) or that writes a
/// field twice, placed at a known field so that the error can be expected to name where it is.</summary>
public static class SyntaxMutations
{
    private const string Marker = "__mutation_marker__";
    private const string ValueMarker = "__mutation_value__";

    private enum Breakage
    {
        EqualsForColon,
        MissingValue,
        NaNValue,
        SingleQuotedKey,
        UnquotedKey,
        DuplicateField,
        TruncatedAfterKey,
        MissingCommaBefore,
        DoubleComma,
        CommentBefore,
    }

    /// <summary>Breakages spread over every field of <paramref name="root"/> (one per field, in turn).</summary>
    public static IEnumerable<MalformedScenario> Of(string name, JsonObject root)
    {
        var breakages = Enum.GetValues<Breakage>();
        var turn = 0;
        foreach (var location in Fields(JsonLocation.Root, root))
        {
            var value = location.Find(root);
            var scalar = value is JsonValue;
            var first = ((JsonObject)location.Parent.Find(root)!).First().Key == location.Name;

            // Breakages that need a scalar value or a preceding field are given to the next field that has them.
            for (var tries = 0; tries < breakages.Length; tries++)
            {
                var breakage = breakages[(turn + tries) % breakages.Length];
                if (Applies(breakage, scalar, first))
                {
                    yield return Break(name, root, location, breakage);
                    turn += tries + 1;
                    break;
                }
            }
        }
    }

    /// <summary>Whole documents that are no scenario at all, and truncations of <paramref name="json"/>.</summary>
    public static IEnumerable<MalformedScenario> Documents(string name, string json)
    {
        yield return new($"{name}/truncated-third", MutationKind.BrokenJson, json[..(json.Length / 3)], "$", "not valid JSON");
        yield return new($"{name}/truncated-two-thirds", MutationKind.BrokenJson, json[..(json.Length * 2 / 3)], "$", "not valid JSON");
        yield return new($"{name}/last-brace-missing", MutationKind.BrokenJson, json.TrimEnd()[..^1], "$", "not valid JSON");
        yield return new($"{name}/two-documents", MutationKind.BrokenJson, json + json, "$", "not valid JSON");
    }

    /// <summary>Files that hold no scenario.</summary>
    public static IEnumerable<MalformedScenario> NotScenarios()
    {
        yield return new("document/empty", MutationKind.BrokenJson, "", "$", "not valid JSON");
        yield return new("document/whitespace", MutationKind.BrokenJson, " \n\t\n", "$", "not valid JSON");
        yield return new("document/null", MutationKind.WrongType, "null", "$", "object");
        yield return new("document/array", MutationKind.WrongType, "[]", "$", "object");
        yield return new("document/number", MutationKind.WrongType, "42", "$", "object");
        yield return new("document/string", MutationKind.WrongType, "\"quickstart\"", "$", "object");
        yield return new("document/empty-object", MutationKind.MissingRequired, "{}", "$", "name");
        yield return new("document/open-brace", MutationKind.BrokenJson, "{", "$", "not valid JSON");
        yield return new("document/control-characters", MutationKind.BrokenJson, "\u0000\u0001\u0002", "$", "not valid JSON");
        yield return new("document/yaml", MutationKind.BrokenJson, "name: quickstart\nvendors:\n  - name: acme\n", "$", "not valid JSON");
        yield return new("document/deep-nesting", MutationKind.BrokenJson,
            "{\"name\": \"deep\", \"vendors\": " + new string('[', 200) + new string(']', 200) + "}", "$.vendors", "not valid JSON");
    }

    private static bool Applies(Breakage breakage, bool scalar, bool first) => breakage switch
    {
        Breakage.MissingValue or Breakage.NaNValue or Breakage.DoubleComma => scalar,
        Breakage.MissingCommaBefore => !first,
        _ => true,
    };

    private static MalformedScenario Break(string name, JsonObject root, JsonLocation location, Breakage breakage)
    {
        var copy = (JsonObject)root.DeepClone();
        var parent = (JsonObject)location.Parent.Find(copy)!;
        var key = location.Name!;
        var valueText = parent[key]?.ToJsonString() ?? "null";
        FieldMutations.Rename(parent, key, Marker);
        if (breakage is Breakage.MissingValue or Breakage.NaNValue or Breakage.DoubleComma)
        {
            parent[Marker] = ValueMarker;
        }

        var text = copy.ToJsonString(MalformedScenarioGenerator.Indented);
        var quotedMarker = $"\"{Marker}\"";
        var markedValue = $"{quotedMarker}: \"{ValueMarker}\"";
        var fieldPath = location.ToJsonPath();
        var objectPath = location.Parent.ToJsonPath();
        var (broken, expected) = breakage switch
        {
            Breakage.EqualsForColon => (text.Replace(quotedMarker + ":", $"\"{key}\" ="), objectPath),
            Breakage.MissingValue => (text.Replace(markedValue, $"\"{key}\":"), fieldPath),
            Breakage.NaNValue => (text.Replace(markedValue, $"\"{key}\": NaN"), fieldPath),
            Breakage.SingleQuotedKey => (text.Replace(quotedMarker, $"'{key}'"), objectPath),
            Breakage.UnquotedKey => (text.Replace(quotedMarker, key), objectPath),
            Breakage.DuplicateField => (text.Replace(quotedMarker + ":", $"\"{key}\": {valueText}, \"{key}\":"), fieldPath),
            Breakage.TruncatedAfterKey => (text[..(text.IndexOf(quotedMarker, StringComparison.Ordinal) + quotedMarker.Length + 1)].Replace(quotedMarker, $"\"{key}\""), fieldPath),
            Breakage.MissingCommaBefore => (RemoveCommaBefore(text, quotedMarker).Replace(quotedMarker, $"\"{key}\""), objectPath),
            Breakage.DoubleComma => (text.Replace(markedValue, $"\"{key}\": {valueText},,"), objectPath),
            Breakage.CommentBefore => (text.Replace(quotedMarker, $"// {key}\n\"{key}\""), objectPath),
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };

        var kebab = string.Concat(breakage.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        var word = breakage == Breakage.DuplicateField ? key : "not valid JSON";
        return new MalformedScenario($"{name}/{kebab}@{fieldPath}", MutationKind.BrokenJson, broken, expected, word);
    }

    private static string RemoveCommaBefore(string text, string quotedMarker)
    {
        var at = text.IndexOf(quotedMarker, StringComparison.Ordinal);
        var comma = text.LastIndexOf(',', at);
        return text.Remove(comma, 1);
    }

    /// <summary>Every property in the document (of an array, its first element's).</summary>
    private static IEnumerable<JsonLocation> Fields(JsonLocation location, JsonObject node)
    {
        foreach (var (key, value) in node)
        {
            var child = location.Child(key);
            yield return child;
            if (value is JsonObject obj)
            {
                foreach (var nested in Fields(child, obj))
                {
                    yield return nested;
                }
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                foreach (var nested in Fields(child.Item(0), first))
                {
                    yield return nested;
                }
            }
        }
    }
}
