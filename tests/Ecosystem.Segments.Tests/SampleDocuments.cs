using Ecosystem.Abstractions.Corpus;
using Ecosystem.Segments;

namespace Ecosystem.Segments.Tests;

/// <summary>Documents of every shape a shard receives, and a field-by-field comparison (records compare arrays by reference).</summary>
internal static class SampleDocuments
{
    public static List<Document> OfTick(int tick) =>
    [
        new(DocumentIdFormat.Human(tick, 12, 0), tick, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "h12", "", -1, "news", false, "ca01"), DocumentContent.FromTokens([464, 3290, 50256])),
        new(DocumentIdFormat.Human(tick, 1_234_567, 3), tick, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Assisted, "h1234567", "acme-ai", 2, "fiction", false, "ck02", "key-9"), DocumentContent.FromTokens([1, 2])),
        new(DocumentIdFormat.Model(tick, "acme-ai", 3, 7), tick, TickPhase.ModelsPublish,
            new Provenance(AuthorKind.Model, "acme-ai", "acme-ai", 3, "romance", true, "cp05", "key-1"), DocumentContent.FromTokens([])),
        new($"t{tick:D6}-odd id", tick, TickPhase.VendorsTrain,
            new Provenance(AuthorKind.Human, "h0", "", -1, "", false, ""), DocumentContent.FromValues([0.5, -1e300, double.NaN])),
    ];

    public static void Equal(IReadOnlyList<Document> expected, IReadOnlyList<Document> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].Tick, actual[i].Tick);
            Assert.Equal(expected[i].Phase, actual[i].Phase);
            Assert.Equal(expected[i].Provenance, actual[i].Provenance);
            Assert.Equal(expected[i].Content.Tokens, actual[i].Content.Tokens);
            Assert.Equal(expected[i].Content.Values, actual[i].Content.Values);
        }
    }
}
