namespace Ecosystem.Runner;

/// <summary>Names of the files a run writes into its folder.</summary>
public static class RunFiles
{
    /// <summary>Long-format metrics: tick, replicate, vendor, generation, metric, label, value.</summary>
    public const string Metrics = "metrics.csv";

    /// <summary>The manifest: resolved scenario, seed, version and status.</summary>
    public const string Manifest = "run.json";

    /// <summary>Sampled documents with provenance, one JSON object per line.</summary>
    public const string Samples = "samples.jsonl";

    /// <summary>The runtime's own log (Orleans, the silo, the grains) while the run lasts, in plain text.</summary>
    public const string RuntimeLog = "runtime.log";

    /// <summary>Folder of PNG plots.</summary>
    public const string Plots = "plots";
}
