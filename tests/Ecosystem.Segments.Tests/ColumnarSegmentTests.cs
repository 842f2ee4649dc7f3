using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments.Tests;

public sealed class ColumnarSegmentTests
{
    [Fact]
    public void Every_document_reads_back_from_the_columns_as_it_was_given()
    {
        var documents = SampleDocuments.OfTick(4);
        var strings = new StringTable();

        var segment = SegmentBuilder.Columns(4, documents, strings);

        Assert.True(segment.HasCompactTokens);
        SampleDocuments.Equal(documents, Enumerable.Range(0, segment.Count).Select(i => segment.DocumentAt(i, strings)).ToList());
    }

    [Fact]
    public void Token_ids_beyond_16_bits_are_kept_whole()
    {
        var strings = new StringTable();
        var document = new Document(DocumentIdFormat.Human(1, 0, 0), 1, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "h0", "", -1, "", false, ""), DocumentContent.FromTokens([70_000, 3, int.MaxValue]));

        var segment = SegmentBuilder.Columns(1, [document], strings);

        Assert.False(segment.HasCompactTokens);
        Assert.Equal([70_000, 3, int.MaxValue], segment.TokensAt(0));
    }

    [Fact]
    public void Columns_take_a_fraction_of_the_objects_memory_for_short_text()
    {
        var strings = new StringTable();
        var documents = Enumerable.Range(0, 10_000).Select(i => new Document(DocumentIdFormat.Human(2, i % 500, i), 2, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, $"h{i % 500}", "", -1, "news", false, $"c{i % 90}"), DocumentContent.FromTokens(new int[16]))).ToList();

        var segment = SegmentBuilder.Columns(2, documents, strings);

        // 10 numbers and 4 bytes of provenance and id, 2 offsets, 16 tokens of 2 bytes: 84 bytes a document.
        Assert.Equal(10_000L * 84 + 8, segment.MemoryBytes);
    }

    [Fact]
    public void A_builder_skips_an_id_it_already_holds_and_refuses_another_tick()
    {
        var builder = new SegmentBuilder(4, new StringTable());
        var documents = SampleDocuments.OfTick(4);

        Assert.True(builder.Add(documents[0]));
        Assert.False(builder.Add(documents[0]));
        Assert.Throws<ArgumentException>(() => builder.Add(SampleDocuments.OfTick(5)[0]));
        Assert.Equal(1, builder.Build().Count);
    }

    [Theory]
    [InlineData("t000001-h000012-00003", true)]
    [InlineData("t000001-h12-00003", false)]
    [InlineData("t000001-h000012-3", false)]
    [InlineData("x000001-h000012-00003", false)]
    [InlineData("t000001-m-a-b-g0002-000004", false)]
    public void Human_ids_parse_only_when_they_are_written_back_identically(string id, bool parses) =>
        Assert.Equal(parses, DocumentIdFormat.TryParseHuman(id, out _, out _, out _));

    [Fact]
    public void Model_ids_with_dashes_in_the_vendor_name_parse_back()
    {
        var id = DocumentIdFormat.Model(12, "big-lab-7", 3, 42);

        Assert.True(DocumentIdFormat.TryParseModel(id, out var tick, out var vendor, out var generation, out var sequence));
        Assert.Equal((12, "big-lab-7", 3, 42), (tick, vendor, generation, sequence));
        Assert.False(DocumentIdFormat.TryParseModel(DocumentIdFormat.Human(12, 3, 4), out _, out _, out _, out _));
    }
}
