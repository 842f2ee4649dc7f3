using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments.Tests;

public class SegmentBuilderTests
{
    [Fact]
    public void OrderedFollowsEveryAddAndSkipsRepeatedIds()
    {
        var builder = new SegmentBuilder(9, new StringTable());
        var documents = SampleDocuments.OfTick(9);
        foreach (var document in documents.Skip(1).Reverse())
        {
            builder.Add(document);
        }

        Assert.Equal(documents.Skip(1).Select(d => d.Id).Order(StringComparer.Ordinal), builder.Ordered.Select(d => d.Id));

        Assert.True(builder.Add(documents[0]));
        Assert.False(builder.Add(documents[0] with { Content = DocumentContent.Empty }));

        var expected = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        SampleDocuments.Equal(expected, builder.Ordered);
        Assert.Equal(documents.Count, builder.Build().Count);
    }
}
