using Ecosystem.Abstractions.Corpus;
using Ecosystem.Watermarking;

namespace Ecosystem.Filtering.Tests;

/// <summary>The exact-duplicate, cut-off, perplexity and watermark filters, and the pipeline's reports.</summary>
public class ScrapeFilterTests
{
    private static readonly GreenListWatermark Acme = new("acme", 0.25, 2);

    /// <summary>A document of <paramref name="length"/> tokens each green after the one before under <see cref="Acme"/>.</summary>
    private static int[] Green(Random random, int length)
    {
        var tokens = new int[length];
        tokens[0] = random.Next(Documents.Vocabulary);
        for (var i = 1; i < length; i++)
        {
            do
            {
                tokens[i] = random.Next(Documents.Vocabulary);
            }
            while (!Acme.IsGreen(tokens[i - 1], tokens[i]));
        }

        return tokens;
    }

    [Fact]
    public void Exact_duplicates_after_the_first_are_removed()
    {
        Document[] documents =
        [
            Documents.Human("a", [1, 2, 3]), Documents.Synthetic("b", [1, 2, 3]), Documents.Synthetic("c", [1, 2, 4]),
            Documents.Human("d", [1, 2]), Documents.Synthetic("e", [1, 2, 4]),
        ];

        Assert.Equal([true, false, true, true, false], new ExactDuplicateFilter().Passes(documents));
    }

    [Fact]
    public void The_cutoff_keeps_what_was_published_up_to_its_tick()
    {
        var documents = Enumerable.Range(0, 6).Select(t => Documents.Human($"d{t}", [t], tick: t)).ToList();
        Assert.Equal([true, true, true, false, false, false], new CutoffFilter(2).Passes(documents));
    }

    [Fact]
    public void The_perplexity_filter_removes_documents_above_its_maximum_and_passes_everything_without_a_reference()
    {
        var documents = Enumerable.Range(0, 4).Select(i => Documents.Human($"d{i}", [i])).ToList();
        double[] perplexities = [10, 99.9, 100, 250];

        Assert.Equal([true, true, true, false], new PerplexityFilter(100, d => perplexities[d.Content.Tokens[0]]).Passes(documents));
        Assert.All(new PerplexityFilter(100, _ => null).Passes(documents), Assert.True);
    }

    [Fact]
    public void The_watermark_filter_removes_watermarked_text_and_keeps_text_without_the_key()
    {
        var random = new Random(43);
        var documents = Enumerable.Range(0, 50).Select(i => Documents.Synthetic($"w{i}", Green(random, 100)))
            .Concat(Enumerable.Range(0, 50).Select(i => Documents.Human($"h{i}", Documents.RandomTokens(random, 100))))
            .ToList();

        var passes = new WatermarkFilter(new WatermarkDetector([Acme]), 4).Passes(documents);

        Assert.All(passes.Take(50), Assert.False);
        Assert.All(passes.Skip(50), Assert.True);
        Assert.All(new WatermarkFilter(new WatermarkDetector([new GreenListWatermark("other", 0.25, 2)]), 4).Passes(documents), Assert.True);
    }

    [Fact]
    public void Each_filter_reports_true_and_false_removals_that_add_up()
    {
        // 34 human and 66 synthetic documents over ticks 0..4, with duplicates and watermarks of both kinds of author.
        var random = new Random(44);
        var documents = new List<Document>();
        for (var i = 0; i < 100; i++)
        {
            var byModel = i % 3 != 0;
            var tokens = i % 7 == 0 ? Green(random, 60) : i % 11 == 0 ? [1, 2, 3, 4] : Documents.RandomTokens(random, 60);
            var id = $"d{i:D3}";
            documents.Add(byModel ? Documents.Synthetic(id, tokens, tick: i % 5) : Documents.Human(id, tokens, tick: i % 5));
        }

        var pipeline = new ScrapeFilterPipeline(
        [
            new CutoffFilter(3), new ExactDuplicateFilter(), new WatermarkFilter(new WatermarkDetector([Acme]), 4), new NearDuplicateFilter(0.8),
        ]);
        var outcome = pipeline.Apply(documents);

        Assert.Equal(["0:cutoff", "1:exactDuplicate", "2:watermark", "3:nearDuplicate"], outcome.Reports.Select(r => r.Label));
        var human = documents.Count(d => !d.Provenance.IsSynthetic);
        var synthetic = documents.Count - human;
        foreach (var report in outcome.Reports)
        {
            Assert.Equal(human, report.RemovedHuman + report.PassedHuman);
            Assert.Equal(synthetic, report.RemovedSynthetic + report.PassedSynthetic);
            (human, synthetic) = (report.PassedHuman, report.PassedSynthetic);
        }

        Assert.Equal(human, outcome.Passed.Count(d => !d.Provenance.IsSynthetic));
        Assert.Equal(synthetic, outcome.Passed.Count(d => d.Provenance.IsSynthetic));
        Assert.Equal(outcome.Passed.OrderBy(d => d.Id, StringComparer.Ordinal), outcome.Passed);

        // The cut-off removes tick 4 whoever wrote it; every filter but the last removed something.
        var late = documents.Where(d => d.Tick > 3).ToList();
        Assert.Equal(
            (late.Count(d => !d.Provenance.IsSynthetic), late.Count(d => d.Provenance.IsSynthetic)),
            (outcome.Reports[0].RemovedHuman, outcome.Reports[0].RemovedSynthetic));
        Assert.All(outcome.Reports.Take(3), r => Assert.True(r.RemovedHuman + r.RemovedSynthetic > 0, r.Label));
        Assert.True(outcome.Reports[2].RemovedHuman > 0, "watermarked text under a human author is a false removal");
    }
}
