using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering.Tests;

/// <summary>Documents with provenance for filter tests.</summary>
internal static class Documents
{
    public const int Vocabulary = 50257;

    public static Document Human(string id, int[] tokens, int tick = 0) =>
        new(id, tick, TickPhase.HumansPublish, new Provenance(AuthorKind.Human, "h1", "", -1, "news", false, "src"), DocumentContent.FromTokens(tokens));

    public static Document Synthetic(string id, int[] tokens, int tick = 0) =>
        new(id, tick, TickPhase.ModelsPublish, new Provenance(AuthorKind.Model, "acme", "acme", 0, "news", true, ""), DocumentContent.FromTokens(tokens));

    public static int[] RandomTokens(Random random, int length) => Enumerable.Range(0, length).Select(_ => random.Next(Vocabulary)).ToArray();
}
