using System.Globalization;

namespace Ecosystem.Dashboard.Tests;

/// <summary>Small scenarios that run in seconds.</summary>
internal static class TestScenarios
{
    /// <summary>A Gaussian refit chain (about 30 ms a tick here): long enough to pause with many ticks, short to finish.</summary>
    public static string Gaussian(int ticks, string name = "tiny") => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "name": "{{name}}", "seed": 3, "ticks": {{ticks}}, "replicates": 1, "shards": 1,
          "data": { "kind": "gaussian", "gaussian": { "mean": 0, "stddev": 1 } },
          "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": 50 },
          "vendors": [
            { "name": "refit", "model": { "family": "gaussian" }, "training": { "policy": "replace", "sources": "self" },
              "deployment": { "documentsPerTick": 1, "documentLength": 50 } }
          ],
          "metrics": { "samplesPerTick": 0 }
        }
        """);
}
