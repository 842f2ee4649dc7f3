using System.Globalization;
using Ecosystem.Scenarios;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>The scenario an engine case runs: human authors publishing Brown text, and one vendor that scrapes every tick,
/// fits the cheapest text model (a unigram) and publishes nothing, so that the time goes to the engine itself:
/// publishing, sharding, scraping and measuring.</summary>
public static class EngineScenario
{
    /// <summary>Name of the vendor.</summary>
    public const string Vendor = "crawler";

    /// <summary>The scenario of <paramref name="engineCase"/>, validated like any scenario file.</summary>
    public static Scenario Build(EngineCase engineCase) => ScenarioLoader.Parse(Json(engineCase), $"engine case {engineCase.Name}");

    /// <summary>The scenario's JSON text.</summary>
    public static string Json(EngineCase engineCase) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "name": "engine-{{engineCase.Name}}",
          "description": "Engine benchmark: {{engineCase.Authors}} human authors publish {{engineCase.DocumentsPerTick}} Brown documents of {{engineCase.DocumentTokens}} tokens a tick; one vendor scrapes every tick, fits a unigram model and publishes nothing.",
          "seed": 1,
          "ticks": {{engineCase.Ticks}},
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": {{engineCase.DocumentTokens}} } },
          "humans": { "authors": {{engineCase.Authors}}, "documentsPerTick": {{engineCase.DocumentsPerTick}}, "repost": {{(engineCase.Repost ? "true" : "false")}} },
          "vendors": [
            {
              "name": "{{Vendor}}",
              "model": { "family": "ngram", "order": 1 },
              "release": { "first": 0, "every": 1 },
              "training": { "policy": "replace" },
              "deployment": { "documentsPerTick": 0 }
            }
          ],
          "metrics": { "heldOutDocuments": 1 }
        }
        """);
}
