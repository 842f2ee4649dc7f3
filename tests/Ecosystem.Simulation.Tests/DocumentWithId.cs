using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Simulation.Tests;

/// <summary>A one-token human document that differs from others only by its id, for tests of document order.</summary>
internal static class DocumentWithId
{
    public static Document Of(string id) => new(id, 0, TickPhase.HumansPublish,
        new Provenance(AuthorKind.Human, "a", "", -1, "news", false, ""), DocumentContent.FromTokens([1]));
}
