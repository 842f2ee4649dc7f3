using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ecosystem.Dashboard.Api;

/// <summary>The body of <c>POST /api/runs/{id}/fork</c>: <c>{"at": 3, "set": [{"path": "/vendors/0/training/policy",
/// "value": "accumulate"}]}</c>, as <c>ecosystem fork RUN --at 3 --set PATH=VALUE</c> takes them.</summary>
public static class ForkRunRequest
{
    /// <summary>Most policy changes one fork may carry.</summary>
    public const int MaxChanges = 32;

    /// <summary>The fork tick and the changes, or the 400 answer that says what is wrong.</summary>
    public static (int At, IReadOnlyList<(string Path, JsonNode? Value)> Changes, IResult? Error) Parse(JsonElement body)
    {
        var errors = JsonBody.UnknownFields(body, "$", "at", "set").ToList();
        var at = 0;
        if (!body.TryGetProperty("at", out var atElement) || atElement.ValueKind != JsonValueKind.Number || !atElement.TryGetInt32(out at))
        {
            errors.Add(new RequestError("$.at", "required: the fork tick, an integer"));
        }

        var changes = new List<(string, JsonNode?)>();
        if (!body.TryGetProperty("set", out var set) || set.ValueKind != JsonValueKind.Array || set.GetArrayLength() is 0 or > MaxChanges)
        {
            errors.Add(new RequestError("$.set", $"required: 1 to {MaxChanges} changes, each {{\"path\": \"/vendors/0/...\", \"value\": <JSON>}}"));
        }
        else
        {
            var i = 0;
            foreach (var change in set.EnumerateArray())
            {
                var where = $"$.set[{i++}]";
                if (change.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new RequestError(where, $"found {JsonBody.Describe(change.ValueKind)}; expected an object with path and value"));
                    continue;
                }

                errors.AddRange(JsonBody.UnknownFields(change, where, "path", "value"));
                if (!change.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String || path.GetString() is not { Length: > 0 and <= 200 } pointer)
                {
                    errors.Add(new RequestError(where + ".path", "required: a JSON pointer of at most 200 characters, e.g. /vendors/0/watermark/adoption"));
                    continue;
                }

                if (!change.TryGetProperty("value", out var value))
                {
                    errors.Add(new RequestError(where + ".value", "required: the new value (any JSON)"));
                    continue;
                }

                changes.Add((pointer, JsonNode.Parse(value.GetRawText())));
            }
        }

        return errors.Count > 0 ? (0, [], ApiProblems.Invalid("The fork request is not valid", errors)) : (at, changes, null);
    }
}
