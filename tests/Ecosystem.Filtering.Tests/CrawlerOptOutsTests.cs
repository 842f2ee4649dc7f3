using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering.Tests;

/// <summary>Authors' opt-outs of AI training: who is out, and what a respecting and an ignoring vendor train on.</summary>
public class CrawlerOptOutsTests
{
    private static Document ByAuthor(string id, string author, string genre, AuthorKind kind = AuthorKind.Human) =>
        new(id, 0, TickPhase.HumansPublish, new Provenance(kind, author, kind == AuthorKind.Model ? "acme" : "", kind == AuthorKind.Model ? 0 : -1, genre, false, ""),
            DocumentContent.FromTokens([1, 2, 3]));

    [Fact]
    public void The_opted_out_share_of_authors_follows_the_growing_share_and_no_author_comes_back()
    {
        const int authors = 4000;
        var optOuts = new CrawlerOptOuts(11, share: 0.1, growthPerTick: 0.05);
        var previous = new HashSet<string>();
        foreach (var tick in new[] { 0, 2, 6, 20 })
        {
            var share = Math.Min(1, 0.1 + 0.05 * tick);
            var outNow = Enumerable.Range(0, authors).Select(a => $"author-{a}")
                .Where(a => optOuts.IsOptedOut(ByAuthor("d", a, "news").Provenance, tick)).ToHashSet();

            // A binomial share of 4,000 authors: within 4 standard errors of the share.
            var standardError = Math.Sqrt(share * (1 - share) / authors);
            Assert.InRange(outNow.Count / (double)authors, share - 4 * standardError - 1e-12, share + 4 * standardError + 1e-12);
            Assert.Subset(outNow, previous);
            previous = outNow;
        }

        // The same seed draws the same authors; another seed others.
        var again = new CrawlerOptOuts(11, 0.1, 0.05);
        var other = new CrawlerOptOuts(12, 0.1, 0.05);
        var sample = Enumerable.Range(0, 500).Select(a => ByAuthor("d", $"author-{a}", "news").Provenance).ToList();
        Assert.Equal(sample.Select(p => optOuts.IsOptedOut(p, 3)), sample.Select(p => again.IsOptedOut(p, 3)));
        Assert.NotEqual(sample.Select(p => optOuts.IsOptedOut(p, 3)), sample.Select(p => other.IsOptedOut(p, 3)));
    }

    [Fact]
    public void A_genre_can_opt_out_at_its_own_rate_and_licensed_data_and_model_output_never_do()
    {
        var optOuts = new CrawlerOptOuts(5, 0, 0, new Dictionary<string, (double, double)> { ["news"] = (1, 0) });
        Assert.True(optOuts.IsOptedOut(ByAuthor("d", "a1", "news").Provenance, 0));
        Assert.False(optOuts.IsOptedOut(ByAuthor("d", "a1", "fiction").Provenance, 0));
        Assert.False(optOuts.IsOptedOut(ByAuthor("d", CrawlerOptOuts.LicensedAuthor, "news").Provenance, 0));
        Assert.False(optOuts.IsOptedOut(ByAuthor("d", "acme", "news", AuthorKind.Model).Provenance, 0));
        Assert.True(optOuts.IsOptedOut(ByAuthor("d", "a2", "news", AuthorKind.Assisted).Provenance, 0));
    }

    [Fact]
    public void A_respecting_vendor_trains_on_no_document_of_an_opted_out_author_and_an_ignoring_one_does()
    {
        var optOuts = new CrawlerOptOuts(3, 0.5, 0);
        var documents = Enumerable.Range(0, 400).Select(i => ByAuthor($"h{i}", $"author-{i % 80}", "news"))
            .Concat(Enumerable.Range(0, 100).Select(i => ByAuthor($"m{i}", "acme", "news", AuthorKind.Model))).ToList();
        var outAuthors = documents.Where(d => optOuts.IsOptedOut(d.Provenance, 0)).Select(d => d.Provenance.AuthorId).ToHashSet();
        Assert.NotEmpty(outAuthors);

        var respecting = optOuts.Apply(documents, documents, respect: true, tick: 0);
        Assert.DoesNotContain(respecting.TrainingSet, d => outAuthors.Contains(d.Provenance.AuthorId));
        Assert.Equal(0, respecting.OptedOutTrained);
        Assert.Equal(documents.Count(d => !outAuthors.Contains(d.Provenance.AuthorId)), respecting.TrainingSet.Count);

        var ignoring = optOuts.Apply(documents, documents, respect: false, tick: 0);
        Assert.Equal(documents.Count, ignoring.TrainingSet.Count);
        var optedOutDocuments = documents.Count(d => outAuthors.Contains(d.Provenance.AuthorId));
        Assert.Equal(optedOutDocuments, ignoring.OptedOutTrained);
        Assert.Equal(optedOutDocuments / 400.0, ignoring.CrawlOptedOutShare, 12);
        Assert.True(respecting.HumanShare < ignoring.HumanShare);
    }
}
