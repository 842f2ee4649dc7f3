using System.Globalization;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Grains.Authors;
using static Ecosystem.Benchmarks.Engine.EngineMetrics;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>Tables and explanations of the engine suite's figures.</summary>
public static class EngineReport
{
    /// <summary>Steady-state documents/s the engine is to reach with 16-token documents.</summary>
    public const double ShortDocumentsTarget = 250_000;

    /// <summary>Steady-state documents/s the engine is to reach with 128-token documents.</summary>
    public const double LongDocumentsTarget = 100_000;

    /// <summary>Bytes a fitted unigram generation keeps for its probabilities: one double per GPT-2 token id.</summary>
    private const double UnigramGenerationBytes = 50_257 * sizeof(double);

    /// <summary>The report of <paramref name="results"/>.</summary>
    public static SuiteReport Build(IReadOnlyList<BenchmarkResult> results)
    {
        var index = new ResultIndex(results);
        var cases = index.Cases;
        if (cases.Count == 0)
        {
            return new SuiteReport("Engine", "No figures.", [], []);
        }

        var first = cases[0];
        var tokens = index.Get(first, EngineSuite.Implementation, DocumentTokens);
        var runs = index.Get(first, EngineSuite.Implementation, Runs);
        var ticks = index.Get(first, EngineSuite.Implementation, Ticks);
        var longCases = cases.Where(c => index.Get(c, EngineSuite.Implementation, DocumentTokens) > tokens).ToList();
        var introduction = string.Create(CultureInfo.InvariantCulture, $"""
            Each case runs a scenario on a fresh embedded silo, as `ecosystem run` does (the scenario runner writes
            `metrics.csv`, `run.json` and `samples.jsonl` tick by tick), for {ticks} ticks: human authors publish Brown
            training documents into 4 corpus shards; one vendor scrapes everything new at every tick
            (replace policy), fits a unigram model (the cheapest text model) and publishes nothing; the corpus and the vendor
            are measured every tick. The time therefore goes to the engine: author cohort grains, routing documents to shards,
            scraping, training-set assembly and the per-tick metrics. Documents are short ({tokens} GPT-2 tokens) so that the Brown training split
            (about 70,000 such documents) gives every one of 10,000 authors a new document at every tick;
            {(longCases.Count == 0 ? "" : $"the {string.Join(", ", longCases)} case has documents of {index.Get(longCases[0], EngineSuite.Implementation, DocumentTokens):N0} tokens, the scenarios' default, of which the split holds fewer than its authors publish in a tick, so its authors repost documents once their own are used up (as the web-scale scenario's do). ")}Steady state means
            the ticks after the first: the first also starts the run (scenario, author roster, genre classifier, grain
            activations). Figures are medians over {runs} run(s) of each case; documents/s is published documents per wall
            second.
            """);

        var throughput = new ReportTable(
            "Throughput (steady state)",
            ["case", "authors", "tokens/document", "documents/tick", "documents/s", "range over runs", "ingested documents/s", "tick", "first tick"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c,
                Figures.Count(index.Get(c, EngineSuite.Implementation, Authors)),
                Figures.Count(index.Get(c, EngineSuite.Implementation, DocumentTokens)),
                Figures.Count(index.Get(c, EngineSuite.Implementation, DocumentsPerTick)),
                Figures.Number(index.Get(c, EngineSuite.Implementation, DocumentsPerSecond)),
                $"{Figures.Number(index.Get(c, EngineSuite.Implementation, DocumentsPerSecondMin))} – {Figures.Number(index.Get(c, EngineSuite.Implementation, DocumentsPerSecondMax))}",
                Figures.Number(index.Get(c, EngineSuite.Implementation, IngestedPerSecond)),
                Figures.Seconds(index.Get(c, EngineSuite.Implementation, TickSeconds)),
                Figures.Seconds(index.Get(c, EngineSuite.Implementation, FirstTickSeconds)),
            ]).ToList());

        var memory = new ReportTable(
            "Memory (whole process: silo, client, cached corpus)",
            ["case", "documents held", "baseline heap", "peak heap", "end heap (live)", "peak working set", "end working set", "bytes/document held"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c,
                Figures.Count(index.Get(c, EngineSuite.Implementation, DocumentsHeld)),
                Figures.Mebibytes(index.Get(c, EngineSuite.Implementation, BaselineManagedHeap)),
                Figures.Mebibytes(index.Get(c, EngineSuite.Implementation, PeakManagedHeap)),
                Figures.Mebibytes(index.Get(c, EngineSuite.Implementation, EndManagedHeap)),
                Figures.Mebibytes(index.Get(c, EngineSuite.Implementation, PeakWorkingSet)),
                Figures.Mebibytes(index.Get(c, EngineSuite.Implementation, EndWorkingSet)),
                Figures.Count(index.Get(c, EngineSuite.Implementation, BytesPerDocumentHeld)),
            ]).ToList());

        var spans = new ReportTable(
            "Where a steady-state tick's time goes (median wall time per tick)",
            ["case", .. EngineMetrics.Spans.Select(s => s.Span)],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c,
                .. EngineMetrics.Spans.Select(s => index.Find(c, EngineSuite.Implementation, s.Metric) is { } seconds ? Figures.Seconds(seconds) : "–"),
            ]).ToList());

        var notes = new List<string>
        {
            """
            Where the time goes comes from the simulation's own spans (the ones it exports over OpenTelemetry), added up per
            tick: *scrape* and *train* (fitting the generation and saving its training set) run inside *vendors train*;
            *measure* computes the corpus's and the vendor's rows; *commit tick* seals the shards' segments (building the
            columns and writing the Arrow files) and runs inside *measure*, beside the measures, so the two overlap and
            their columns do not add up. The *tick* span holds all of these; the throughput table's tick time also
            holds what comes after the span: the clock's checkpoint and the scenario runner writing `metrics.csv`,
            `samples.jsonl` and `run.json`.
            """,
            """
            How memory is measured: *baseline heap* is the live managed heap with the silo started and the corpus loaded and
            cached, before the run; *peak heap* is the highest managed heap sampled every 10 ms during the run, garbage
            included; *end heap* is the live heap after a full collection at the end of the last tick, with every grain still
            active; working sets are the process's resident memory. *Bytes per document held* is the growth of the live heap
            from the end of the first tick to the end of the run, divided by the documents the shards gained in between, so
            fixed costs (silo, corpus, run context) cancel out.
            """,
            string.Create(CultureInfo.InvariantCulture, $"""
            What a held document costs: in one process Orleans passes immutable messages by reference, so a shard holds the
            corpus's own token arrays and the figure is the engine's per-document overhead (the document and provenance
            records, the id string, the shard's id set and tick segment), not the tokens. Between silos documents arrive as
            deserialized copies and add 4 bytes per token ({4 * tokens:N0} bytes for these documents, 512 for the default
            128-token documents). The figure also includes one unigram generation per tick that stays in memory (an array of
            50,257 probabilities, {UnigramGenerationBytes / 1024:N0} KiB), about {UnigramGenerationBytes / index.Get(first, EngineSuite.Implementation, DocumentsPerTick):N0} bytes per document at
            {index.Get(first, EngineSuite.Implementation, DocumentsPerTick):N0} documents a tick.
            """),
        };

        var shortCases = cases.Except(longCases).ToList();
        if (shortCases.Count >= 2)
        {
            var few = shortCases[0];
            var many = shortCases[^1];
            var change = index.Get(many, EngineSuite.Implementation, DocumentsPerSecond) / index.Get(few, EngineSuite.Implementation, DocumentsPerSecond) - 1;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"""
                Authors: with {index.Get(many, EngineSuite.Implementation, Authors):N0} instead of {index.Get(few, EngineSuite.Implementation, Authors):N0} authors publishing the same
                documents a tick, authors publish through {Cohorts(index.Get(many, EngineSuite.Implementation, Authors)):N0} cohort grains instead of {Cohorts(index.Get(few, EngineSuite.Implementation, Authors)):N0}
                ({HumanCohortGrain.AuthorsPerCohort} authors each, one call and one append per shard for each);
                steady-state throughput changes by {change * 100:+0;-0}% and the first tick (which activates every
                cohort grain) takes {Figures.Seconds(index.Get(many, EngineSuite.Implementation, FirstTickSeconds))} instead of {Figures.Seconds(index.Get(few, EngineSuite.Implementation, FirstTickSeconds))}.
                """));
        }

        notes.Add(Targets(index, cases));
        return new SuiteReport("Engine", introduction, [throughput, spans, memory], notes);
    }

    /// <summary>The steady-state bars: 250,000 documents/s with 16-token documents, 100,000 with 128-token ones.</summary>
    private static string Targets(ResultIndex index, IReadOnlyList<string> cases)
    {
        var lines = cases.Select(c =>
        {
            var tokens = index.Get(c, EngineSuite.Implementation, DocumentTokens);
            var bar = tokens <= EngineCase.ShortDocumentTokens ? ShortDocumentsTarget : LongDocumentsTarget;
            var rate = index.Get(c, EngineSuite.Implementation, DocumentsPerSecond);
            return string.Create(CultureInfo.InvariantCulture,
                $"- {c} ({tokens:N0}-token documents): at least {bar:N0} documents/s in steady state: {Figures.Number(rate)} ({rate / bar * 100:F0}% of it), {(rate >= bar ? "met" : "missed")}");
        });
        return "**Targets.**\n\n" + string.Join("\n", lines);
    }

    private static double Cohorts(double authors) => Math.Ceiling(authors / HumanCohortGrain.AuthorsPerCohort);
}
