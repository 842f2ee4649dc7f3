using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments;

/// <summary>Collects the documents of one tick for a shard, skipping ids it already holds (an append sent twice), and
/// builds the <see cref="ColumnarSegment"/>.</summary>
public sealed class SegmentBuilder(int tick, StringTable strings)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<Document> _documents = [];

    // The documents in canonical order, kept until the next add: a tick's documents are read in that order by the
    // scrape, the measurement and the seal, and sorting them once serves all three.
    private Document[]? _ordered;

    /// <summary>The tick of the documents.</summary>
    public int Tick { get; } = tick;

    /// <summary>Number of documents collected.</summary>
    public int Count => _documents.Count;

    /// <summary>The documents collected, in the order they came.</summary>
    public IReadOnlyList<Document> Documents => _documents;

    /// <summary>Adds <paramref name="document"/> unless its id is already held; false when skipped.</summary>
    /// <exception cref="ArgumentException">The document belongs to another tick.</exception>
    public bool Add(Document document)
    {
        if (document.Tick != Tick)
        {
            throw new ArgumentException($"Document '{document.Id}' is of tick {document.Tick}, not {Tick}.", nameof(document));
        }

        if (!_ids.Add(document.Id))
        {
            return false;
        }

        _documents.Add(document);
        _ordered = null;
        return true;
    }

    /// <summary>The documents collected, in the canonical order (ordinal order of ids).</summary>
    public IReadOnlyList<Document> Ordered
    {
        get
        {
            if (_ordered is null)
            {
                // Ids are unique here, so an unstable sort gives the one canonical order.
                var documents = _documents.ToArray();
                var ids = Array.ConvertAll(documents, d => d.Id);
                Array.Sort(ids, documents, StringComparer.Ordinal);
                _ordered = documents;
            }

            return _ordered;
        }
    }

    /// <summary>The columns of the documents collected, in the canonical order (ordinal order of ids), so that a
    /// segment is the same whatever order its appends arrived in.</summary>
    public ColumnarSegment Build() => Columns(Tick, Ordered, strings);

    /// <summary>The columns of <paramref name="documents"/>, all of tick <paramref name="tick"/>, in their order.</summary>
    public static ColumnarSegment Columns(int tick, IReadOnlyList<Document> documents, StringTable strings)
    {
        var segment = new ColumnarSegment(tick, documents.Count);
        long tokens = 0;
        long values = 0;
        var compact = true;
        foreach (var document in documents)
        {
            tokens += document.Content.Tokens.Length;
            values += document.Content.Values.Length;
            foreach (var token in document.Content.Tokens)
            {
                compact &= token is >= 0 and <= ushort.MaxValue;
            }
        }

        if (tokens > int.MaxValue || values > int.MaxValue)
        {
            throw new InvalidOperationException($"A segment of tick {tick} would hold more than {int.MaxValue} tokens or values.");
        }

        var tokens16 = compact ? new ushort[tokens] : null;
        var tokens32 = compact ? null : new int[tokens];
        var allValues = values == 0 ? [] : new double[values];
        var tokenAt = 0;
        var valueAt = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var provenance = document.Provenance;
            segment.Phase[i] = (byte)document.Phase;
            segment.Kind[i] = (byte)provenance.Kind;
            SetId(segment, i, document.Id, strings);

            segment.AuthorCode[i] = strings.CodeOf(provenance.AuthorId);
            segment.VendorCode[i] = strings.CodeOf(provenance.Vendor);
            segment.Generation[i] = provenance.Generation;
            segment.GenreCode[i] = strings.CodeOf(provenance.Genre);
            segment.GenreInferred[i] = provenance.GenreInferred;
            segment.SourceCode[i] = strings.CodeOf(provenance.SourceDocumentId);
            segment.WatermarkCode[i] = strings.CodeOf(provenance.WatermarkKey);

            var content = document.Content;
            if (tokens16 is not null)
            {
                for (var k = 0; k < content.Tokens.Length; k++)
                {
                    tokens16[tokenAt + k] = (ushort)content.Tokens[k];
                }
            }
            else
            {
                content.Tokens.CopyTo(tokens32!, tokenAt);
            }

            content.Values.CopyTo(allValues, valueAt);
            tokenAt += content.Tokens.Length;
            valueAt += content.Values.Length;
            segment.TokenOffsets[i + 1] = tokenAt;
            segment.ValueOffsets[i + 1] = valueAt;
        }

        segment.Tokens16 = tokens16;
        segment.Tokens32 = tokens32;
        segment.Values = allValues;
        return segment;
    }

    /// <summary>Stores document <paramref name="i"/>'s id: as numbers when it is one of the simulation's own forms for
    /// the segment's tick, else as a string code.</summary>
    internal static void SetId(ColumnarSegment segment, int i, string id, StringTable strings)
    {
        if (DocumentIdFormat.TryParseHuman(id, out var t, out var author, out var sequence) && t == segment.Tick)
        {
            segment.IdForm[i] = (byte)IdForm.Human;
            segment.IdAuthor[i] = author;
            segment.IdSequence[i] = sequence;
        }
        else if (DocumentIdFormat.TryParseModel(id, out t, out var vendor, out var generation, out sequence) && t == segment.Tick)
        {
            segment.IdForm[i] = (byte)IdForm.Model;
            segment.IdAuthor[i] = strings.CodeOf(vendor);
            segment.IdGeneration[i] = generation;
            segment.IdSequence[i] = sequence;
        }
        else
        {
            segment.IdForm[i] = (byte)IdForm.Other;
            segment.IdAuthor[i] = strings.CodeOf(id);
        }
    }
}
