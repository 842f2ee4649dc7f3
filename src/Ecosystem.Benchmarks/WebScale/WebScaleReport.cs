using System.Globalization;
using Ecosystem.Benchmarks.Results;
using static Ecosystem.Benchmarks.WebScale.WebScaleMetrics;

namespace Ecosystem.Benchmarks.WebScale;

/// <summary>Tables and explanations of the web-scale suite's figures.</summary>
public static class WebScaleReport
{
    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        if (index.Find(WholeRun, WebScaleSuite.Implementation, WallSeconds) is not { } wall)
        {
            return new SuiteReport("Web scale", "No figures.", [], []);
        }

        double Get(string metric) => index.Get(WholeRun, WebScaleSuite.Implementation, metric);
        var peak = Get(PeakWorkingSet);
        var introduction = string.Create(CultureInfo.InvariantCulture, $"""
            `scenarios/web-scale.json` as shipped, run once on the command line's embedded silo (in the benchmark's own
            process, which adds little): {Get(Authors):N0} authors publishing Brown documents of {Get(DocumentTokens):N0} GPT-2 tokens
            (reposting once their own are used up) and three n-gram vendors crawling the whole web by different policies
            and publishing synthetic text. Peak working set is the process's resident memory, sampled every 50 ms.
            """);
        var whole = new ReportTable(
            "Whole run",
            ["documents", "wall time", "bar", "documents/s", "peak working set", "bar", "peak managed heap"],
            [[
                Figures.Count(Get(Documents)),
                Figures.Seconds(wall),
                (wall <= WallSecondsBar ? "met" : "missed") + " (15 min)",
                Figures.Number(Get(DocumentsPerSecond)),
                Figures.Gibibytes(peak),
                (peak <= PeakWorkingSetBar ? "met" : "missed") + " (4 GiB)",
                Figures.Gibibytes(Get(PeakManagedHeap)),
            ]]);
        var ticks = index.Cases.Where(c => c.StartsWith("tick ", StringComparison.Ordinal)).ToList();
        var perTick = new ReportTable(
            "Tick times (wall, with the runner's files)",
            ["tick", "documents on the web at its end", "tick time"],
            ticks.Select(c => (IReadOnlyList<string>)
            [
                c["tick ".Length..],
                Figures.Count(index.Get(c, WebScaleSuite.Implementation, Documents)),
                Figures.Seconds(index.Get(c, WebScaleSuite.Implementation, TickSeconds)),
            ]).ToList());
        return new SuiteReport("Web scale", introduction, [whole, perTick], []);
    }
}
