using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;

namespace Ecosystem.Simulation.Tests;

public sealed class SortedDocumentMergeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void Gives_the_order_of_a_sort_of_all_parts(int partCount)
    {
        var random = new Random(partCount);
        var all = Enumerable.Range(0, 500).Select(i => DocumentWithId.Of($"{random.Next(100):D3}-{i}")).ToList();
        var parts = Enumerable.Range(0, partCount).Select(p => (IReadOnlyList<Document>)all
            .Where((_, i) => i % partCount == p).OrderBy(d => d.Id, StringComparer.Ordinal).ToList()).ToList();

        var merged = SortedDocumentMerge.Merge(parts);

        var expected = partCount == 0 ? [] : all.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(d => d.Id), merged.Select(d => d.Id));
    }

    [Fact]
    public void A_part_out_of_order_is_sorted_first()
    {
        var merged = SortedDocumentMerge.Merge([[DocumentWithId.Of("c"), DocumentWithId.Of("a")], [DocumentWithId.Of("b")], []]);

        Assert.Equal(["a", "b", "c"], merged.Select(d => d.Id));
    }
}
