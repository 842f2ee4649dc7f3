using System.Text.Json;

namespace Ecosystem.Corpus;

/// <summary>Reads a JSONL file whose lines are <c>{"text": "...", "genre": "..."}</c>; the genre is optional.</summary>
/// <remarks>Blank lines are skipped. Ids are <c>jsonl/</c> plus the 1-based line number, zero-padded so that
/// ordinal order is line order.</remarks>
public sealed class JsonlCorpusReader : ICorpusReader
{
    /// <summary>Prefix of the source ids.</summary>
    public const string IdPrefix = "jsonl/";

    /// <summary>Reads the texts of <paramref name="path"/>.</summary>
    public JsonlCorpusReader(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
    }

    /// <summary>The JSONL file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public string Origin => $"JSONL file '{FilePath}'";

    /// <inheritdoc />
    public IReadOnlyList<SourceText> Read(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            throw new FileNotFoundException($"Corpus file '{FilePath}' does not exist.", FilePath);
        }

        var texts = new List<SourceText>();
        var lineNumber = 0;
        foreach (var line in CorpusFileText.Read(FilePath).Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            if (lineNumber % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (text, genre) = ParseLine(line, lineNumber);
            texts.Add(new SourceText($"{IdPrefix}{lineNumber:D6}", genre, text));
        }

        if (texts.Count == 0)
        {
            throw new CorpusFormatException(FilePath, null, "contains no lines; expected one {\"text\": ..., \"genre\": ...} object per line.");
        }

        progress?.Report($"Read {texts.Count} texts from '{FilePath}'.");
        return texts;
    }

    private (string Text, string Genre) ParseLine(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            // The reader counts lines and positions within the one line it was given.
            var message = e.Message.IndexOf(". ", StringComparison.Ordinal) is var cut and > 0 ? e.Message[..(cut + 1)] : e.Message;
            throw new CorpusFormatException(FilePath, lineNumber, $"is not valid JSON (at character {e.BytePositionInLine + 1}): {message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorpusFormatException(FilePath, lineNumber, $"expected a JSON object, found {Describe(root.ValueKind)}.");
            }

            if (!root.TryGetProperty("text", out var text))
            {
                throw new CorpusFormatException(FilePath, lineNumber, "the field \"text\" is missing.");
            }

            if (text.ValueKind != JsonValueKind.String)
            {
                throw new CorpusFormatException(FilePath, lineNumber, $"the field \"text\" must be a string, found {Describe(text.ValueKind)}.");
            }

            var genre = SourceText.DefaultGenre;
            if (root.TryGetProperty("genre", out var genreElement) && genreElement.ValueKind != JsonValueKind.Null)
            {
                if (genreElement.ValueKind != JsonValueKind.String)
                {
                    throw new CorpusFormatException(FilePath, lineNumber, $"the field \"genre\" must be a string, found {Describe(genreElement.ValueKind)}.");
                }

                genre = genreElement.GetString()!;
                if (string.IsNullOrWhiteSpace(genre))
                {
                    throw new CorpusFormatException(FilePath, lineNumber, "the field \"genre\" is empty; leave it out for the default genre.");
                }
            }

            return (text.GetString()!, genre);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
