namespace Ecosystem.Cluster.Tests;

/// <summary>The scenario the fault tests run: a small n-gram ecosystem on Brown text whose ticks touch every silo
/// (six shards, sixty authors, two vendors, one accumulating, one keeping human data).</summary>
internal static class FaultScenario
{
    public const int Ticks = 10;

    public const int Shards = 6;

    public const string Json = """
        {
          "name": "cluster-faults", "seed": 17, "ticks": 10, "shards": 6,
          "data": { "kind": "text", "text": { "source": "brown", "documentTokens": 64, "maxDocuments": 1500 } },
          "humans": { "authors": 60, "initialDocuments": 600, "documentsPerTick": 120 },
          "vendors": [
            { "name": "alpha", "training": { "policy": "replace" }, "deployment": { "documentsPerTick": 500 } },
            { "name": "beta", "model": { "order": 2 }, "training": { "policy": "accumulate", "keepHumanFraction": 0.2 },
              "deployment": { "documentsPerTick": 300 } }
          ],
          "metrics": { "heldOutDocuments": 60 }
        }
        """;
}
