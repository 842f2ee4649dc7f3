using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments.Tests;

public sealed class CompactDocumentListTests
{
    [Fact]
    public void Documents_of_several_ticks_read_back_as_they_were_given_in_their_order()
    {
        // Not in canonical order, with a repeated provenance string instance and a non-ASCII id.
        List<Document> documents =
        [
            .. SampleDocuments.OfTick(7),
            .. SampleDocuments.OfTick(2),
            new("t000003-fresh-é-0", 3, TickPhase.VendorsTrain,
                new Provenance(AuthorKind.Human, "licensed", "", -1, "news", false, "ca01"), DocumentContent.FromTokens([0, 65_535, 17])),
        ];

        var bytes = CompactDocumentList.Write(documents);

        Assert.True(CompactDocumentList.IsCompact(bytes));
        SampleDocuments.Equal(documents, CompactDocumentList.Read(bytes, "test"));
    }

    [Fact]
    public void Token_ids_beyond_16_bits_are_kept_whole_and_16_bit_ones_take_two_bytes()
    {
        Document Of(int[] tokens) => new(DocumentIdFormat.Human(1, 0, 0), 1, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, "h0", "", -1, "", false, ""), DocumentContent.FromTokens(tokens));
        var small = CompactDocumentList.Write([Of(new int[100])]);
        var wide = CompactDocumentList.Write([Of([70_000, 3, int.MaxValue, -1, .. new int[96]])]);

        Assert.Equal(100 * 2, wide.Length - small.Length);
        Assert.Equal([70_000, 3, int.MaxValue, -1, .. new int[96]], CompactDocumentList.Read(wide, "test")[0].Content.Tokens);
    }

    [Fact]
    public void An_empty_list_reads_back_empty()
    {
        Assert.Empty(CompactDocumentList.Read(CompactDocumentList.Write([]), "test"));
    }

    [Fact]
    public void A_training_set_of_short_documents_takes_a_few_bytes_beyond_its_16_bit_tokens()
    {
        var documents = Enumerable.Range(0, 10_000).Select(i => new Document(DocumentIdFormat.Human(2, i, 0), 2, TickPhase.HumansPublish,
            new Provenance(AuthorKind.Human, $"h{i}", "", -1, i % 2 == 0 ? "news" : "fiction", false, $"c{i % 90}"), DocumentContent.FromTokens(new int[16]))).ToList();

        var bytes = CompactDocumentList.Write(documents);

        // 32 bytes of tokens, 21 of id, 43 of columns and lengths, and the author and source ids (about 8).
        Assert.InRange(bytes.Length / documents.Count, 32 + 21 + 43, 32 + 21 + 43 + 12);
    }

    [Fact]
    public void Bytes_cut_short_give_an_error_naming_where_they_came_from()
    {
        var bytes = CompactDocumentList.Write(SampleDocuments.OfTick(1));

        foreach (var length in new[] { 0, 3, 10, bytes.Length / 2, bytes.Length - 1 })
        {
            var error = Assert.Throws<InvalidDataException>(() => CompactDocumentList.Read(bytes.AsSpan(0, length), "gen/training-set"));
            Assert.Contains("'gen/training-set'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Damaged_bytes_give_an_error_rather_than_other_documents()
    {
        var bytes = CompactDocumentList.Write(SampleDocuments.OfTick(1));
        var longer = bytes.Concat(new byte[] { 0 }).ToArray();
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[4] = 9;
        var notAList = (byte[])bytes.Clone();
        notAList[0] = (byte)'X';
        // The first column after the string table is the ids' lengths: make the first one longer.
        var badCount = (byte[])bytes.Clone();
        badCount[HeaderEnd(bytes)] = 0xFF;

        foreach (var damaged in new[] { longer, otherVersion, notAList, badCount })
        {
            var error = Assert.Throws<InvalidDataException>(() => CompactDocumentList.Read(damaged, "blob"));
            Assert.Contains("'blob'", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Where the per-document columns start: after the 32-byte header and the string table.</summary>
    private static int HeaderEnd(byte[] bytes) => 32 + (BitConverter.ToInt32(bytes, 12) * sizeof(int)) + BitConverter.ToInt32(bytes, 16);
}
