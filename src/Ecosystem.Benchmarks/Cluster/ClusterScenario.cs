using System.Globalization;
using Ecosystem.Scenarios;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>The scale scenario: human authors publish Brown text at a steady rate until their queues run dry, while
/// unigram vendors scrape everything new, train and publish synthetic text every tick, so the corpus grows by about
/// a hundred thousand documents a tick and every kind of grain (authors, shards, vendors, generations) is busy.</summary>
public static class ClusterScenario
{
    /// <summary>The scenario of <paramref name="configuration"/>, validated like any scenario file.</summary>
    public static Scenario Build(ClusterConfiguration configuration) => ScenarioLoader.Parse(Json(configuration), "cluster benchmark scenario");

    /// <summary>The scenario's JSON text.</summary>
    public static string Json(ClusterConfiguration c)
    {
        var vendors = string.Join(",\n", Enumerable.Range(1, c.Vendors).Select(v => string.Create(CultureInfo.InvariantCulture, $$"""
                { "name": "vendor-{{v}}", "model": { "family": "ngram", "order": 1 }, "release": { "first": 0, "every": 1 },
                  "training": { "policy": "replace" }, "deployment": { "documentsPerTick": {{c.VendorDocumentsPerTick}}, "documentLength": {{c.DocumentTokens}} } }
            """)));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "cluster-scale",
              "description": "Cluster benchmark: {{c.Authors}} human authors publish Brown text while {{c.Vendors}} unigram vendors publish {{c.VendorDocumentsPerTick}} documents each per tick.",
              "seed": 1,
              "ticks": {{c.Ticks}},
              "shards": {{c.Shards}},
              "data": { "kind": "text", "text": { "source": "brown", "documentTokens": {{c.DocumentTokens}} } },
              "humans": { "authors": {{c.Authors}}, "documentsPerTick": {{c.Authors}} },
              "vendors": [
            {{vendors}}
              ],
              "metrics": { "heldOutDocuments": 1 }
            }
            """);
    }
}
