using System.Globalization;
using Ecosystem.Benchmarks.Results;
using static Ecosystem.Benchmarks.Nature.NatureMetrics;

namespace Ecosystem.Benchmarks.Nature;

/// <summary>Tables and explanations of the nature suite's figures.</summary>
public static class NatureReport
{
    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        double Get(string @case, string metric) => index.Get(@case, NatureSuite.Implementation, metric);
        if (!index.Cases.Contains(NatureSuite.WholeRun))
        {
            return new SuiteReport("Nature protocol", "No figures.", [], []);
        }

        var vendors = index.Cases.Where(c => c != NatureSuite.WholeRun && !c.Contains(" g", StringComparison.Ordinal)).ToList();
        var generations = index.Cases.Where(c => c.Contains(" g", StringComparison.Ordinal))
            .Select(c => int.Parse(c[(c.LastIndexOf(" g", StringComparison.Ordinal) + 2)..], CultureInfo.InvariantCulture))
            .Distinct().Order().ToList();
        var introduction = string.Create(CultureInfo.InvariantCulture, $"""
            `scenarios/nature-protocol.json` as shipped, on the command line's embedded silo: its pretrained base
            ({Figures.Count(Get(NatureSuite.WholeRun, BaseTokens))} tokens, {Figures.Count(Get(NatureSuite.WholeRun, BaseEpochs))} epochs, {Figures.Count(Get(NatureSuite.WholeRun, Parameters))} parameters)
            is built into an empty cache folder, then the scenario runs with that base cached and writes its `metrics.csv`
            and plots to `runs/bench-nature-protocol-full/`. Every figure below is read from that run.
            """);
        var time = new ReportTable("Wall time", ["step", "minutes", "bar", "throughput"],
        [
            ["building the base", Minutes(Get(NatureSuite.WholeRun, BaseBuildSeconds)), "20", Figures.Number(Get(NatureSuite.WholeRun, BaseTokensPerSecond)) + " tokens/s"],
            ["running the scenario, base cached", Minutes(Get(NatureSuite.WholeRun, RunSeconds)), "10", ""],
            ["of which fine-tuning (every tick's vendors-train phase)", Minutes(Get(NatureSuite.WholeRun, TrainSeconds)), "", ""],
            ["of which decoding (every tick's models-publish phase)", Minutes(Get(NatureSuite.WholeRun, PublishSeconds)), "", ""],
            ["of which measuring (every tick's measure phase)", Minutes(Get(NatureSuite.WholeRun, MeasureSeconds)), "", ""],
        ]);
        var anchors = new ReportTable("Held-out perplexity: the base, generation 0 and a trigram on the same tokens",
            ["vendor", "base (zero-shot)", "generation 0", "trigram, base corpus + generation 0's data"],
            vendors.Select(v => (IReadOnlyList<string>)
            [
                v,
                Figures.Number(Get(v, BasePerplexity)),
                Figures.Number(Get($"{v} g0", HeldOutPerplexity)),
                Figures.Number(Get(v, TrigramPerplexity)),
            ]).ToList());
        string[] columns = ["generation", .. vendors.SelectMany(v => new[] { $"{v}: held-out ppl", $"{v}: median / p99 under g0", $"{v}: distinct-2", $"{v}: entropy (bits)" })];
        var table = new ReportTable("Every generation", columns, generations.Select(g => (IReadOnlyList<string>)
        [
            g.ToString(CultureInfo.InvariantCulture),
            .. vendors.SelectMany(v => new[]
            {
                Figures.Number(Get($"{v} g{g}", HeldOutPerplexity)),
                $"{Figures.Number(Get($"{v} g{g}", MedianUnderGenerationZero))} / {Figures.Number(Get($"{v} g{g}", TailUnderGenerationZero))}",
                Figures.Number(Get($"{v} g{g}", Distinct2)),
                Figures.Number(Get($"{v} g{g}", EntropyBits)),
            }),
        ]).ToList());
        return new SuiteReport("Nature protocol", introduction, [time, anchors, table],
        [
            "The bars are the issue's: at most 20 minutes to build the base and at most 10 to run the protocol once it is cached, on 2 cores.",
            "Perplexity under g0 is the per-document perplexity of a generation's published continuations under its loop's generation 0 " +
            "(Shumailov et al., Fig. 1b): a lower median is the shift to text the original model finds likely, a higher 0.99 quantile the long right tail.",
        ]);
    }

    private static string Minutes(double seconds) => double.IsFinite(seconds) ? (seconds / 60).ToString("F1", CultureInfo.InvariantCulture) : "–";
}
