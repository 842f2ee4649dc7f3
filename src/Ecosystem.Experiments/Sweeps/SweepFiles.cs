namespace Ecosystem.Experiments.Sweeps;

/// <summary>Names of the files a sweep writes into its folder.</summary>
public static class SweepFiles
{
    /// <summary>The sweep's manifest: its file, status and runs.</summary>
    public const string Manifest = "sweep.json";

    /// <summary>Folder holding one run folder per (point, seed).</summary>
    public const string Runs = "runs";

    /// <summary>One row per run and vendor: the point's values, the seed and the summary figures.</summary>
    public const string Summary = "summary.csv";

    /// <summary>One row per point, vendor and figure: count, mean, standard deviation and confidence interval.</summary>
    public const string Aggregate = "aggregate.csv";

    /// <summary>The HTML report comparing the points.</summary>
    public const string Report = "report.html";

    /// <summary>Folder of the report's PNG plots.</summary>
    public const string Plots = "plots";
}
