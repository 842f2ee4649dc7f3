using System.Buffers;
using System.Text;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments;

/// <summary>The documents one corpus shard received in one tick, kept as columns rather than one object per document:
/// ids and provenance as numbers and string codes (<see cref="StringTable"/>), token ids in 16 bits where every id
/// fits, real values beside them. Immutable once built (<see cref="SegmentBuilder"/>).</summary>
public sealed class ColumnarSegment
{
    internal ColumnarSegment(int tick, int count)
    {
        Tick = tick;
        Count = count;
        Phase = new byte[count];
        Kind = new byte[count];
        IdForm = new byte[count];
        IdAuthor = new int[count];
        IdGeneration = new int[count];
        IdSequence = new int[count];
        AuthorCode = new int[count];
        VendorCode = new int[count];
        Generation = new int[count];
        GenreCode = new int[count];
        GenreInferred = new bool[count];
        SourceCode = new int[count];
        WatermarkCode = new int[count];
        TokenOffsets = new int[count + 1];
        ValueOffsets = new int[count + 1];
    }

    /// <summary>The tick every document of the segment was published at.</summary>
    public int Tick { get; }

    /// <summary>Number of documents.</summary>
    public int Count { get; }

    internal byte[] Phase { get; }

    internal byte[] Kind { get; }

    internal byte[] IdForm { get; }

    internal int[] IdAuthor { get; }

    internal int[] IdGeneration { get; }

    internal int[] IdSequence { get; }

    internal int[] AuthorCode { get; }

    internal int[] VendorCode { get; }

    internal int[] Generation { get; }

    internal int[] GenreCode { get; }

    internal bool[] GenreInferred { get; }

    internal int[] SourceCode { get; }

    internal int[] WatermarkCode { get; }

    internal int[] TokenOffsets { get; }

    internal ushort[]? Tokens16 { get; set; }

    internal int[]? Tokens32 { get; set; }

    internal int[] ValueOffsets { get; }

    internal double[] Values { get; set; } = [];

    /// <summary>True when the token ids are held in 16 bits.</summary>
    public bool HasCompactTokens => Tokens16 is not null;

    /// <summary>Bytes the columns take on the heap (arrays only), for the shard's memory budget.</summary>
    public long MemoryBytes =>
        (Count * ((3 * sizeof(byte)) + (10 * sizeof(int)) + sizeof(bool))) + (2L * sizeof(int) * (Count + 1))
        + ((Tokens16?.LongLength ?? 0) * sizeof(ushort)) + ((Tokens32?.LongLength ?? 0) * sizeof(int)) + (Values.LongLength * sizeof(double));

    /// <summary>Documents by whose text they carry: <c>""</c> for human text, else the vendor whose model wrote (or helped
    /// write) them.</summary>
    public Dictionary<string, int> CountsBySource(StringTable strings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var source = IsSyntheticAt(i) ? strings[VendorCode[i]] : "";
            counts[source] = counts.GetValueOrDefault(source) + 1;
        }

        return counts;
    }

    /// <summary>The phase of document <paramref name="index"/>.</summary>
    public TickPhase PhaseAt(int index) => (TickPhase)Phase[index];

    /// <summary>True when document <paramref name="index"/> carries model text.</summary>
    public bool IsSyntheticAt(int index) => (AuthorKind)Kind[index] != AuthorKind.Human;

    /// <summary>The string code of the vendor of document <paramref name="index"/> (0: none).</summary>
    public int VendorCodeAt(int index) => VendorCode[index];

    /// <summary>Number of tokens of document <paramref name="index"/>.</summary>
    public int TokenCountAt(int index) => TokenOffsets[index + 1] - TokenOffsets[index];

    /// <summary>The id of document <paramref name="index"/>.</summary>
    public string IdAt(int index, StringTable strings) => (Segments.IdForm)IdForm[index] switch
    {
        Segments.IdForm.Human => DocumentIdFormat.Human(Tick, IdAuthor[index], IdSequence[index]),
        Segments.IdForm.Model => DocumentIdFormat.Model(Tick, strings[IdAuthor[index]], IdGeneration[index], IdSequence[index]),
        _ => strings[IdAuthor[index]],
    };

    /// <summary>Appends the id of document <paramref name="index"/> to <paramref name="utf8"/> as UTF-8, written from its
    /// numbers without a string in between (the Arrow file's <c>id</c> column).</summary>
    public void WriteIdUtf8(int index, StringTable strings, IBufferWriter<byte> utf8)
    {
        // The spans asked for hold the longest id of each form: its numbers at ten digits and a sign (ASCII, a byte a
        // character), and the vendor.
        int written;
        var fits = (Segments.IdForm)IdForm[index] switch
        {
            Segments.IdForm.Human => DocumentIdFormat.TryWriteHumanUtf8(utf8.GetSpan(DocumentIdFormat.NumbersLength), Tick, IdAuthor[index], IdSequence[index], out written),
            Segments.IdForm.Model => DocumentIdFormat.TryWriteModelUtf8(
                utf8.GetSpan(DocumentIdFormat.NumbersLength + Encoding.UTF8.GetMaxByteCount(strings[IdAuthor[index]].Length)), Tick, strings[IdAuthor[index]], IdGeneration[index], IdSequence[index], out written),
            _ => Encoding.UTF8.TryGetBytes(strings[IdAuthor[index]], utf8.GetSpan(Encoding.UTF8.GetMaxByteCount(strings[IdAuthor[index]].Length)), out written),
        };
        if (!fits)
        {
            throw new InvalidOperationException($"The id of document {index} of tick {Tick} did not fit the space sized for it.");
        }

        utf8.Advance(written);
    }

    /// <summary>The token ids of document <paramref name="index"/>, as a new array.</summary>
    public int[] TokensAt(int index)
    {
        var start = TokenOffsets[index];
        var length = TokenOffsets[index + 1] - start;
        var tokens = new int[length];
        if (Tokens16 is { } compact)
        {
            for (var i = 0; i < length; i++)
            {
                tokens[i] = compact[start + i];
            }
        }
        else
        {
            Array.Copy(Tokens32!, start, tokens, 0, length);
        }

        return tokens;
    }

    /// <summary>Document <paramref name="index"/> as an object.</summary>
    public Document DocumentAt(int index, StringTable strings)
    {
        var provenance = new Provenance(
            (AuthorKind)Kind[index], strings[AuthorCode[index]], strings[VendorCode[index]], Generation[index],
            strings[GenreCode[index]], GenreInferred[index], strings[SourceCode[index]], strings[WatermarkCode[index]]);
        var valueStart = ValueOffsets[index];
        var values = Values.AsSpan(valueStart, ValueOffsets[index + 1] - valueStart).ToArray();
        return new Document(IdAt(index, strings), Tick, (TickPhase)Phase[index], provenance, new DocumentContent(TokensAt(index), values));
    }
}
