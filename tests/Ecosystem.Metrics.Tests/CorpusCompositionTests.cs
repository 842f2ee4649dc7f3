using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Metrics.Tests;

public class CorpusCompositionTests
{
    private static Document Human(string id, int tokens) => new(id, 0, TickPhase.HumansPublish,
        new Provenance(AuthorKind.Human, "author", "", -1, "news", false, id),
        DocumentContent.FromTokens(new int[tokens]));

    private static Document Synthetic(string id, string vendor, int generation, int tokens) => new(id, 1, TickPhase.ModelsPublish,
        new Provenance(AuthorKind.Model, vendor, vendor, generation, "news", true, ""),
        DocumentContent.FromTokens(new int[tokens]));

    private static readonly Document[] Corpus =
    [
        Human("h1", 3), Synthetic("s1", "B", 1, 4), Synthetic("s2", "A", 2, 1), Human("h2", 2),
        Synthetic("s3", "A", 1, 2), Synthetic("s4", "A", 1, 1),
    ];

    [Fact]
    public void CountsHumanAndSynthetic()
    {
        var c = CorpusComposition.From(Corpus);
        Assert.Equal(2, c.DocumentsHuman);
        Assert.Equal(4, c.DocumentsSynthetic);
        Assert.Equal(6, c.DocumentsTotal);
        Assert.Equal(5, c.TokensHuman);
        Assert.Equal(8, c.TokensSynthetic);
        Assert.Equal(13, c.TokensTotal);
        Assert.Equal(4.0 / 6, c.SyntheticShareDocuments);
        Assert.Equal(8.0 / 13, c.SyntheticShareTokens);
        Assert.Equal(
            [new VendorGenerationCount("A", 1, 2, 3), new VendorGenerationCount("A", 2, 1, 1), new VendorGenerationCount("B", 1, 1, 4)],
            c.ByVendorGeneration);
        Assert.Equal([new VendorCount("A", 3, 4), new VendorCount("B", 1, 4)], c.ByVendor);
        Assert.Equal([new GenerationCount(1, 3, 7), new GenerationCount(2, 1, 1)], c.ByGeneration);
    }

    [Fact]
    public void IndependentOfDocumentOrder()
    {
        var a = CorpusComposition.From(Corpus);
        var b = CorpusComposition.From(Corpus.Reverse());
        Assert.Equal(a.ByVendorGeneration, b.ByVendorGeneration);
        Assert.Equal(a.ByVendor, b.ByVendor);
        Assert.Equal(a.ByGeneration, b.ByGeneration);
        Assert.Equal(a with { ByVendor = [], ByGeneration = [], ByVendorGeneration = [] },
            b with { ByVendor = [], ByGeneration = [], ByVendorGeneration = [] });
    }

    [Fact]
    public void EmptyCorpusHasZeroShares()
    {
        var c = CorpusComposition.From([]);
        Assert.Equal(0, c.DocumentsTotal);
        Assert.Equal(0.0, c.SyntheticShareDocuments);
        Assert.Equal(0.0, c.SyntheticShareTokens);
        Assert.Empty(c.ByVendorGeneration);
    }

    [Fact]
    public void ValuesCountAsUnits()
    {
        var d = new Document("v", 0, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "a", "", -1, "", false, ""), DocumentContent.FromValues([1.0, 2.0]));
        Assert.Equal(2, CorpusComposition.From([d]).TokensHuman);
    }
}
