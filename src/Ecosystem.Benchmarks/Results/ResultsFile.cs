using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecosystem.Benchmarks.Results;

/// <summary>Reads and writes results.json (camel-case keys, indented, so diffs of the committed file stay readable).</summary>
public static class ResultsFile
{
    /// <summary>The file name inside the output folder.</summary>
    public const string Name = "results.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The document in <paramref name="path"/>, or an empty one when the file does not exist.</summary>
    public static ResultsDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            return ResultsDocument.Empty;
        }

        return JsonSerializer.Deserialize<ResultsDocument>(File.ReadAllText(path), Options)
               ?? throw new InvalidDataException($"{path} holds no results document.");
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> through a temporary file, so a crash never leaves half a file.</summary>
    public static void Write(string path, ResultsDocument document)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, Options) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
