namespace Ecosystem.Benchmarks.WebScale;

/// <summary>Names and bars of the web-scale suite's figures.</summary>
public static class WebScaleMetrics
{
    /// <summary>The case of the whole-run figures; ticks are cases of their own ("tick 00", ...).</summary>
    public const string WholeRun = "whole run";

    public const string WallSeconds = "wall_seconds";
    public const string PeakWorkingSet = "peak_working_set";
    public const string PeakManagedHeap = "peak_managed_heap";
    public const string Documents = "documents";
    public const string DocumentsPerSecond = "documents_per_second";
    public const string Authors = "authors";
    public const string DocumentTokens = "document_tokens";
    public const string TickSeconds = "tick_seconds";

    /// <summary>The bar on wall time: 15 minutes on 2 cores.</summary>
    public const double WallSecondsBar = 15 * 60;

    /// <summary>The bar on peak resident memory: 4 GiB.</summary>
    public const double PeakWorkingSetBar = 4.0 * 1024 * 1024 * 1024;

    /// <summary>The case name of tick <paramref name="tick"/>.</summary>
    public static string TickCase(int tick) => $"tick {tick:D2}";
}
