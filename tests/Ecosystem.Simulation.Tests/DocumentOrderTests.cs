using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;

namespace Ecosystem.Simulation.Tests;

public sealed class DocumentOrderTests
{
    [Fact]
    public void Sort_puts_a_list_in_canonical_order_and_leaves_an_ordered_one_as_it_is()
    {
        var shuffled = new List<Document> { DocumentWithId.Of("b"), DocumentWithId.Of("a"), DocumentWithId.Of("B"), DocumentWithId.Of("ab") };
        DocumentOrder.Sort(shuffled);
        Assert.Equal(["B", "a", "ab", "b"], shuffled.Select(d => d.Id));

        var ordered = shuffled.ToList();
        DocumentOrder.Sort(ordered);
        Assert.Equal(shuffled, ordered);
    }
}
