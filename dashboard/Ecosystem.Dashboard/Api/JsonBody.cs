using System.Text.Json;

namespace Ecosystem.Dashboard.Api;

/// <summary>Reads a request body as one JSON object, within the size limit, with a clear answer when it is not one.</summary>
public static class JsonBody
{
    /// <summary>The body's root object, or the error answer to send instead.</summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (default, ApiProblems.TooLarge(limit));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, ApiProblems.Invalid("The body must be a JSON object",
                    [new RequestError("$", $"found {Describe(document.RootElement.ValueKind)}; expected an object")]));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, ApiProblems.TooLarge(limit));
        }
        catch (JsonException e)
        {
            return (default, ApiProblems.Invalid("The body is not valid JSON",
                [new RequestError("$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})")]));
        }
    }

    /// <summary>Errors for every property of <paramref name="body"/> not in <paramref name="known"/>.</summary>
    public static IEnumerable<RequestError> UnknownFields(JsonElement body, string at, params string[] known) =>
        body.EnumerateObject()
            .Where(p => !known.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => new RequestError($"{at}.{p.Name}", $"unknown field; allowed: {string.Join(", ", known)}"));

    /// <summary>A JSON value kind in words.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
