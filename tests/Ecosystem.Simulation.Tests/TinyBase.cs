using System.Globalization;

namespace Ecosystem.Simulation.Tests;

/// <summary>The data and model of a tiny pretrained base, built in seconds: every test that uses it shares one cached
/// base, since the base's key is its architecture, its corpus and its seed, never the fine-tuning.</summary>
internal static class TinyBase
{
    /// <summary>The "data" and "humans" fields of a scenario on the base's corpus.</summary>
    public const string DataAndHumans = """
        "data": { "kind": "text", "text": { "documentTokens": 32, "maxDocuments": 120, "genres": ["humor", "science_fiction", "romance"] } },
        "humans": { "authors": 10, "initialDocuments": 120, "documentsPerTick": 0, "lastTick": 0 }
        """;

    /// <summary>A vendor's "model" field: the base's decoder, fine-tuned for <paramref name="epochs"/> at
    /// <paramref name="learningRate"/>.</summary>
    public static string Model(int epochs, double learningRate) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "family": "transformer",
          "transformer": { "layers": 1, "heads": 2, "width": 32, "context": 32, "vocabularyLimit": 600, "fineTuneEpochs": {{epochs}}, "fineTuneLearningRate": {{learningRate:R}}, "device": "cpu" },
          "base": { "epochs": 1, "maxTokens": 30000, "seed": 4 }
        }
        """);
}
