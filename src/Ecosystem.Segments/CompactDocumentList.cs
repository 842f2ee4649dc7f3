using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments;

/// <summary>A list of documents of any ticks as one compact byte array and back, written and read in a few passes over
/// the list with no object per document on the way out: strings few documents share (ids, authors, source documents) as
/// UTF-8, those many share (vendors, genres, watermark keys) as codes into a table written once, token ids in 16 bits
/// where every id fits, all numbers little-endian in columns.</summary>
/// <remarks>Layout: magic "ECDL", version, flags (bit 0: 16-bit tokens), two zero bytes; then as int32 the document count,
/// table size, table bytes, text bytes, tokens and values; the table's UTF-8 byte lengths and bytes (code 0 is the empty
/// string); the byte lengths of the ids, the authors and the source documents, and their UTF-8 bytes in that order; int32
/// columns of ticks, generations, vendor, genre and watermark codes, token counts and value counts; byte columns of
/// phases, kinds and genre-inferred flags; the tokens; the values.</remarks>
public static class CompactDocumentList
{
    private const byte Version = 1;
    private const byte SixteenBitTokens = 1;
    private const int HeaderBytes = 8 + (6 * sizeof(int));
    private const int TextColumns = 3;
    private const int CodeColumns = 3;
    private const int IntColumns = 7;
    private const int ByteColumns = 3;

    private static ReadOnlySpan<byte> Magic => "ECDL"u8;

    /// <summary>The bytes of <paramref name="documents"/>, in their order.</summary>
    /// <exception cref="InvalidOperationException">The list holds more text bytes, tokens or values than an int32 counts.</exception>
    // Called once per training: tiered compilation would run it unoptimized for most of a run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Write(IReadOnlyList<Document> documents)
    {
        var count = documents.Count;
        var table = new StringTable();
        var lastString = new string?[CodeColumns];
        var lastCode = new int[CodeColumns];
        var codes = new int[CodeColumns * count];
        var textLengths = new int[TextColumns * count];
        long textBytes = 0;
        long tokenCount = 0;
        long valueCount = 0;
        var compact = true;
        for (var i = 0; i < count; i++)
        {
            var document = documents[i];
            var provenance = document.Provenance;
            codes[i] = CodeOf(table, provenance.Vendor, lastString, lastCode, 0);
            codes[count + i] = CodeOf(table, provenance.Genre, lastString, lastCode, 1);
            codes[(2 * count) + i] = CodeOf(table, provenance.WatermarkKey, lastString, lastCode, 2);
            textLengths[i] = Encoding.UTF8.GetByteCount(document.Id);
            textLengths[count + i] = Encoding.UTF8.GetByteCount(provenance.AuthorId);
            textLengths[(2 * count) + i] = Encoding.UTF8.GetByteCount(provenance.SourceDocumentId);
            textBytes += textLengths[i] + textLengths[count + i] + textLengths[(2 * count) + i];
            var tokens = document.Content.Tokens;
            tokenCount += tokens.Length;
            valueCount += document.Content.Values.Length;
            foreach (var token in tokens)
            {
                compact &= (uint)token <= ushort.MaxValue;
            }
        }

        var tableLengths = new int[table.Count];
        long tableBytes = 0;
        for (var code = 0; code < table.Count; code++)
        {
            tableLengths[code] = Encoding.UTF8.GetByteCount(table[code]);
            tableBytes += tableLengths[code];
        }

        if (textBytes > int.MaxValue || tokenCount > int.MaxValue || valueCount > int.MaxValue)
        {
            throw new InvalidOperationException($"A list of {count} documents holds more text bytes, tokens or values than {int.MaxValue}.");
        }

        var tokenBytes = tokenCount * (compact ? sizeof(ushort) : sizeof(int));
        var size = HeaderBytes + (sizeof(int) * (long)table.Count) + tableBytes + (sizeof(int) * (long)textLengths.Length) + textBytes
            + ((long)count * ((IntColumns * sizeof(int)) + ByteColumns)) + tokenBytes + (valueCount * sizeof(double));
        var bytes = new byte[size];
        Magic.CopyTo(bytes);
        bytes[4] = Version;
        bytes[5] = compact ? SixteenBitTokens : (byte)0;
        var header = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(8, 6 * sizeof(int)));
        header[0] = Le(count);
        header[1] = Le(table.Count);
        header[2] = Le((int)tableBytes);
        header[3] = Le((int)textBytes);
        header[4] = Le((int)tokenCount);
        header[5] = Le((int)valueCount);
        var at = HeaderBytes;
        WriteInts(bytes, ref at, tableLengths);
        for (var code = 0; code < table.Count; code++)
        {
            at += Encoding.UTF8.GetBytes(table[code], bytes.AsSpan(at));
        }

        WriteInts(bytes, ref at, textLengths);
        foreach (var document in documents)
        {
            at += Encoding.UTF8.GetBytes(document.Id, bytes.AsSpan(at));
        }

        foreach (var document in documents)
        {
            at += Encoding.UTF8.GetBytes(document.Provenance.AuthorId, bytes.AsSpan(at));
        }

        foreach (var document in documents)
        {
            at += Encoding.UTF8.GetBytes(document.Provenance.SourceDocumentId, bytes.AsSpan(at));
        }

        var columns = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(at, IntColumns * sizeof(int) * count));
        for (var i = 0; i < count; i++)
        {
            var document = documents[i];
            columns[i] = Le(document.Tick);
            columns[count + i] = Le(document.Provenance.Generation);
            columns[(5 * count) + i] = Le(document.Content.Tokens.Length);
            columns[(6 * count) + i] = Le(document.Content.Values.Length);
        }

        for (var i = 0; i < codes.Length; i++)
        {
            columns[(2 * count) + i] = Le(codes[i]);
        }

        at += columns.Length * sizeof(int);
        for (var i = 0; i < count; i++)
        {
            var document = documents[i];
            bytes[at + i] = (byte)document.Phase;
            bytes[at + count + i] = (byte)document.Provenance.Kind;
            bytes[at + (2 * count) + i] = document.Provenance.GenreInferred ? (byte)1 : (byte)0;
        }

        at += ByteColumns * count;
        if (compact)
        {
            var tokens16 = MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan(at, (int)tokenBytes));
            var t = 0;
            foreach (var document in documents)
            {
                foreach (var token in document.Content.Tokens)
                {
                    tokens16[t++] = Le((ushort)token);
                }
            }
        }
        else
        {
            var tokens32 = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(at, (int)tokenBytes));
            var t = 0;
            foreach (var document in documents)
            {
                foreach (var token in document.Content.Tokens)
                {
                    tokens32[t++] = Le(token);
                }
            }
        }

        at += (int)tokenBytes;
        var values = MemoryMarshal.Cast<byte, long>(bytes.AsSpan(at));
        var v = 0;
        foreach (var document in documents)
        {
            foreach (var value in document.Content.Values)
            {
                values[v++] = Le(BitConverter.DoubleToInt64Bits(value));
            }
        }

        return bytes;
    }

    /// <summary>True when <paramref name="bytes"/> begin as <see cref="Write"/>'s output does.</summary>
    public static bool IsCompact(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Magic);

    /// <summary>The documents <paramref name="bytes"/> hold, in the order they were written.</summary>
    /// <param name="bytes">What <see cref="Write"/> returned.</param>
    /// <param name="name">Where the bytes were read from, for the error.</param>
    /// <exception cref="InvalidDataException">The bytes are not a document list of this version, or are cut short or
    /// damaged; the message names <paramref name="name"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Document[] Read(ReadOnlySpan<byte> bytes, string name)
    {
        InvalidDataException Damaged(string why) =>
            new($"The document list '{name}' cannot be read: {why} (it may be damaged or written by another version).");

        if (bytes.Length < HeaderBytes || !IsCompact(bytes))
        {
            throw Damaged("it does not start with a document list's header");
        }

        if (bytes[4] != Version)
        {
            throw Damaged($"its version is {bytes[4]}, this program reads version {Version}");
        }

        var compact = (bytes[5] & SixteenBitTokens) != 0;
        Span<int> header = stackalloc int[6];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = Le(MemoryMarshal.Read<int>(bytes[(8 + (i * sizeof(int)))..]));
            if (header[i] < 0)
            {
                throw Damaged($"a count in its header is negative ({header[i]})");
            }
        }

        var (count, tableCount, tableBytes, textBytes, tokenCount, valueCount) = (header[0], header[1], header[2], header[3], header[4], header[5]);
        var tokenBytes = (long)tokenCount * (compact ? sizeof(ushort) : sizeof(int));
        var expected = HeaderBytes + (sizeof(int) * (long)tableCount) + tableBytes + (sizeof(int) * TextColumns * (long)count) + textBytes
            + ((long)count * ((IntColumns * sizeof(int)) + ByteColumns)) + tokenBytes + (valueCount * (long)sizeof(double));
        if (expected != bytes.Length)
        {
            throw Damaged($"its header describes {expected} bytes, it holds {bytes.Length}");
        }

        var at = HeaderBytes;
        var table = new string[tableCount];
        var tableLengths = ReadInts(bytes, ref at, tableCount);
        CheckLengths(tableLengths, tableBytes, "its string table's", Damaged);
        for (var code = 0; code < tableCount; code++)
        {
            table[code] = Encoding.UTF8.GetString(bytes.Slice(at, tableLengths[code]));
            at += tableLengths[code];
        }

        var textLengths = ReadInts(bytes, ref at, TextColumns * count);
        CheckLengths(textLengths, textBytes, "its text's", Damaged);
        var text = new string[TextColumns * count];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Encoding.UTF8.GetString(bytes.Slice(at, textLengths[i]));
            at += textLengths[i];
        }

        var columns = ReadInts(bytes, ref at, IntColumns * count);
        for (var i = 2 * count; i < 5 * count; i++)
        {
            if ((uint)columns[i] >= (uint)tableCount)
            {
                throw Damaged($"string code {columns[i]} is outside its table of {tableCount}");
            }
        }

        CheckLengths(columns.AsSpan(5 * count, count), tokenCount, "its token", Damaged);
        CheckLengths(columns.AsSpan(6 * count, count), valueCount, "its value", Damaged);
        var flags = bytes.Slice(at, ByteColumns * count);
        at += flags.Length;
        var tokens16 = MemoryMarshal.Cast<byte, ushort>(bytes.Slice(at, compact ? (int)tokenBytes : 0));
        var tokens32 = MemoryMarshal.Cast<byte, int>(bytes.Slice(at, compact ? 0 : (int)tokenBytes));
        at += (int)tokenBytes;
        var values = MemoryMarshal.Cast<byte, long>(bytes[at..]);
        var documents = new Document[count];
        var t = 0;
        var v = 0;
        for (var i = 0; i < count; i++)
        {
            var tokens = new int[columns[(5 * count) + i]];
            for (var k = 0; k < tokens.Length; k++, t++)
            {
                tokens[k] = compact ? Le(tokens16[t]) : Le(tokens32[t]);
            }

            var documentValues = columns[(6 * count) + i] == 0 ? [] : new double[columns[(6 * count) + i]];
            for (var k = 0; k < documentValues.Length; k++, v++)
            {
                documentValues[k] = BitConverter.Int64BitsToDouble(Le(values[v]));
            }

            var provenance = new Provenance((AuthorKind)flags[count + i], text[count + i], table[columns[(2 * count) + i]], columns[count + i],
                table[columns[(3 * count) + i]], flags[(2 * count) + i] != 0, text[(2 * count) + i], table[columns[(4 * count) + i]]);
            documents[i] = new Document(text[i], columns[i], (TickPhase)flags[i], provenance, new DocumentContent(tokens, documentValues));
        }

        return documents;
    }

    private static int CodeOf(StringTable table, string value, string?[] lastString, int[] lastCode, int column)
    {
        // Documents from one source share string instances (a genre, an empty vendor), so the column's last string is
        // compared by reference before the table hashes it.
        if (!ReferenceEquals(value, lastString[column]))
        {
            lastString[column] = value;
            lastCode[column] = table.CodeOf(value);
        }

        return lastCode[column];
    }

    private static void WriteInts(byte[] bytes, ref int at, int[] values)
    {
        var destination = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(at, values.Length * sizeof(int)));
        for (var i = 0; i < values.Length; i++)
        {
            destination[i] = Le(values[i]);
        }

        at += destination.Length * sizeof(int);
    }

    private static int[] ReadInts(ReadOnlySpan<byte> bytes, ref int at, int count)
    {
        var source = MemoryMarshal.Cast<byte, int>(bytes.Slice(at, count * sizeof(int)));
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Le(source[i]);
        }

        at += count * sizeof(int);
        return values;
    }

    private static void CheckLengths(ReadOnlySpan<int> lengths, int total, string what, Func<string, InvalidDataException> damaged)
    {
        long sum = 0;
        foreach (var length in lengths)
        {
            if (length < 0)
            {
                throw damaged($"{what} lengths hold a negative one ({length})");
            }

            sum += length;
        }

        if (sum != total)
        {
            throw damaged($"{what} lengths add up to {sum}, its header says {total}");
        }
    }

    private static int Le(int value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static long Le(long value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static ushort Le(ushort value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
}
