using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ecosystem.Cli.Tests;

/// <summary>A folder holding a small real run's inputs: a JSONL corpus made of sentences drawn with a fixed seed, and a
/// scenario of three short ticks over it (a few seconds on an embedded silo). Deleted on dispose.</summary>
public sealed class TinyRun : IDisposable
{
    private static readonly string[] Words =
    [
        "the", "river", "town", "people", "said", "that", "market", "opened", "early", "and", "children", "ran", "to",
        "see", "boats", "on", "water", "while", "old", "men", "talked", "about", "rain", "winter", "bread", "prices",
    ];

    public TinyRun()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ecosystem-tiny-run-").FullName;
        var random = new Random(11);
        var lines = Enumerable.Range(0, 60).Select(i => JsonSerializer.Serialize(new
        {
            text = string.Join(' ', Enumerable.Range(0, 40).Select(_ => Words[random.Next(Words.Length)])) + ".",
            genre = i % 2 == 0 ? "news" : "fiction",
        }));
        File.WriteAllLines(CorpusPath, lines);
    }

    public string Directory { get; }

    public string CorpusPath => Path.Combine(Directory, "corpus.jsonl");

    public string OutputDirectory => Path.Combine(Directory, "out");

    /// <summary>Writes the scenario (with <paramref name="change"/> applied to its JSON) and returns its path.</summary>
    public string Scenario(Action<JsonObject>? change = null)
    {
        var scenario = new JsonObject
        {
            ["name"] = "tiny",
            ["seed"] = 5,
            ["ticks"] = 3,
            ["data"] = new JsonObject { ["kind"] = "text", ["text"] = new JsonObject { ["source"] = "jsonl", ["path"] = "corpus.jsonl", ["documentTokens"] = 16 } },
            ["humans"] = new JsonObject { ["authors"] = 4, ["documentsPerTick"] = 10 },
            ["vendors"] = new JsonArray(new JsonObject { ["name"] = "acme", ["deployment"] = new JsonObject { ["documentsPerTick"] = 10 } }),
            ["metrics"] = new JsonObject { ["heldOutDocuments"] = 5, ["samplesPerTick"] = 2 },
        };
        change?.Invoke(scenario);
        var path = Path.Combine(Directory, "tiny.json");
        File.WriteAllText(path, scenario.ToJsonString());
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
