using Apache.Arrow;
using Apache.Arrow.Ipc;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments.Tests;

public sealed class ArrowSegmentFileTests
{
    [Fact]
    public async Task A_segment_reads_back_from_its_file_into_another_shards_string_table()
    {
        var documents = SampleDocuments.OfTick(9);
        var written = new StringTable();
        var bytes = ArrowSegmentFile.Write(SegmentBuilder.Columns(9, documents, written), written).ToArray();

        var other = new StringTable();
        other.CodeOf("something else first");
        var read = await ArrowSegmentFile.ReadAsync(new MemoryStream(bytes), other, "shards/x/segment-000009.arrow");

        SampleDocuments.Equal(documents, Enumerable.Range(0, read.Count).Select(i => read.DocumentAt(i, other)).ToList());
    }

    [Fact]
    public async Task Ids_of_every_form_are_written_as_they_were_published_even_long_or_not_ascii()
    {
        var vendor = new string('v', 100) + "-labs";
        var provenance = new Provenance(AuthorKind.Model, vendor, vendor, 2, "news", false, "");
        List<Document> documents =
        [
            new(DocumentIdFormat.Human(3, 1_234_567, 99_999), 3, TickPhase.HumansPublish, provenance with { Kind = AuthorKind.Human }, DocumentContent.FromTokens([1])),
            new(DocumentIdFormat.Model(3, vendor, 12_345, 7), 3, TickPhase.ModelsPublish, provenance, DocumentContent.FromTokens([2])),
            new(DocumentIdFormat.Model(3, new string('w', 300), 1, 8), 3, TickPhase.ModelsPublish, provenance, DocumentContent.FromTokens([2])),
            new("t000003-café ☕ " + new string('x', 200), 3, TickPhase.ModelsPublish, provenance, DocumentContent.FromTokens([3])),
        ];
        var strings = new StringTable();
        var columns = SegmentBuilder.Columns(3, documents, strings);
        var bytes = ArrowSegmentFile.Write(columns, strings).ToArray();

        var other = new StringTable();
        var read = await ArrowSegmentFile.ReadAsync(new MemoryStream(bytes), other, "shards/x/segment-000003.arrow");

        Assert.Equal(documents.Select(d => d.Id), Enumerable.Range(0, read.Count).Select(i => read.IdAt(i, other)));
    }

    [Fact]
    public async Task Rows_opened_from_the_file_give_each_document_as_its_columns_do()
    {
        var documents = SampleDocuments.OfTick(9);
        var strings = new StringTable();
        var columns = SegmentBuilder.Columns(9, documents, strings);
        var bytes = ArrowSegmentFile.Write(columns, strings).ToArray();

        using var rows = await ArrowSegmentFile.OpenAsync(new MemoryStream(bytes), "shards/x/segment-000009.arrow");

        Assert.Equal(columns.Count, rows.Count);
        SampleDocuments.Equal(documents, Enumerable.Range(0, rows.Count).Select(rows.DocumentAt).ToList());
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(columns.IsSyntheticAt(i), rows.IsSyntheticAt(i));
            Assert.Equal(strings[columns.VendorCodeAt(i)], rows.VendorAt(i));
        }
    }

    [Fact]
    public async Task The_file_has_the_documented_columns_for_other_arrow_readers()
    {
        var strings = new StringTable();
        var bytes = ArrowSegmentFile.Write(SegmentBuilder.Columns(9, SampleDocuments.OfTick(9), strings), strings).ToArray();

        using var reader = new ArrowFileReader(new MemoryStream(bytes));
        using var batch = await reader.ReadNextRecordBatchAsync();

        Assert.Equal(
            ["id", "tick", "phase", "kind", "author_id", "vendor", "generation", "genre", "genre_inferred", "source_document", "watermark_key", "tokens", "values"],
            batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(4, batch.Length);
        Assert.Equal("t000009-h000012-00000", ((StringArray)batch.Column("id")).GetString(0));
        var kinds = (DictionaryArray)batch.Column("kind");
        Assert.Equal("model", ((StringArray)kinds.Dictionary).GetString(((Int32Array)kinds.Indices).GetValue(2)!.Value));
        var tokens = (ListArray)batch.Column("tokens");
        Assert.Equal([464, 3290, 50256], ((UInt16Array)tokens.Values).Values[..3].ToArray().Select(t => (int)t));
    }

    [Fact]
    public async Task A_damaged_file_is_refused_with_its_name()
    {
        var strings = new StringTable();
        var bytes = ArrowSegmentFile.Write(SegmentBuilder.Columns(9, SampleDocuments.OfTick(9), strings), strings).ToArray();
        var truncated = bytes[..^40];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            ArrowSegmentFile.ReadAsync(new MemoryStream(truncated), new StringTable(), "shards/x/segment-000009.arrow"));

        Assert.Contains("shards/x/segment-000009.arrow", error.Message);
    }
}
