using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;

namespace Ecosystem.Simulation.Tests;

public sealed class DocumentOrderTests
{
    private static Document Doc(string id) => new(id, 0, TickPhase.HumansPublish,
        new Provenance(AuthorKind.Human, "a", "", -1, "news", false, ""), DocumentContent.FromTokens([1]));

    [Fact]
    public void Sort_puts_a_list_in_canonical_order_and_leaves_an_ordered_one_as_it_is()
    {
        var shuffled = new List<Document> { Doc("b"), Doc("a"), Doc("B"), Doc("ab") };
        DocumentOrder.Sort(shuffled);
        Assert.Equal(["B", "a", "ab", "b"], shuffled.Select(d => d.Id));

        var ordered = shuffled.ToList();
        DocumentOrder.Sort(ordered);
        Assert.Equal(shuffled, ordered);
    }
}
