using System.Text;
using System.Text.Json;

namespace Ecosystem.Scenarios;

/// <summary>Reads JSON text token by token before anything interprets it, and reports the first thing no scenario can
/// be: a syntax error, a field written twice (parsers would silently keep one of the two) or a number too large for any
/// number type. Each problem names the JSON path where it occurs, with the line.</summary>
public static class JsonSyntax
{
    /// <summary>The deepest nesting accepted; scenarios need five levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The first problem in <paramref name="json"/>, or null when it is well-formed JSON.</summary>
    public static ScenarioError? FirstProblem(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        var containers = new List<Container>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Add(new Container(Location(containers), reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.RemoveAt(containers.Count - 1);
                        ValueRead(containers);
                        break;
                    case JsonTokenType.PropertyName:
                        var current = containers[^1];
                        var name = reader.GetString()!;
                        if (!current.Names.Add(name))
                        {
                            return new ScenarioError(current.Path + "." + name,
                                $"written twice (the second time on line {Line(bytes, reader.TokenStartIndex)}); each field may appear once");
                        }

                        current.Property = name;
                        current.AwaitsValue = true;
                        break;
                    case JsonTokenType.Number:
                        if (!Representable(ref reader))
                        {
                            return new ScenarioError(Location(containers),
                                $"found {Encoding.UTF8.GetString(reader.ValueSpan)} (line {Line(bytes, reader.TokenStartIndex)}), a number too large to read");
                        }

                        ValueRead(containers);
                        break;
                    default:
                        ValueRead(containers);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var after = containers.Count > 0 && containers[^1] is { IsArray: false, AwaitsValue: false, Property: { } previous } ? $", after field '{previous}'" : "";
            return new ScenarioError(Location(containers),
                $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}{after}): {Plain(FirstSentence(e.Message))}");
        }

        return null;
    }

    /// <summary>The first sentence of an exception message (System.Text.Json appends paths and positions after it).</summary>
    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    /// <summary>The reader's wording for the two errors people meet most, in their terms.</summary>
    private static string Plain(string message) => message switch
    {
        _ when message.StartsWith("Expected depth to be zero at the end", StringComparison.Ordinal) =>
            "the text ends inside an object or a list (a closing } or ] is missing, or the file was cut short)",
        _ when message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) => "the file holds no JSON",
        _ => message,
    };

    /// <summary>Where the reader is: the value being read in the innermost container, or the container itself.</summary>
    private static string Location(List<Container> containers)
    {
        if (containers.Count == 0)
        {
            return "$";
        }

        var current = containers[^1];
        return current.IsArray ? $"{current.Path}[{current.Items}]"
            : current is { AwaitsValue: true, Property: { } property } ? current.Path + "." + property
            : current.Path;
    }

    private static void ValueRead(List<Container> containers)
    {
        if (containers.Count == 0)
        {
            return;
        }

        var current = containers[^1];
        if (current.IsArray)
        {
            current.Items++;
        }
        else
        {
            current.AwaitsValue = false;
        }
    }

    private static bool Representable(ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        var whole = text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
        return whole ? reader.TryGetInt64(out _) : reader.TryGetDouble(out var value) && double.IsFinite(value);
    }

    private static int Line(byte[] bytes, long index) => bytes.AsSpan(0, (int)index).Count((byte)'\n') + 1;

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public string? Property { get; set; }

        public bool AwaitsValue { get; set; }

        public int Items { get; set; }
    }
}
