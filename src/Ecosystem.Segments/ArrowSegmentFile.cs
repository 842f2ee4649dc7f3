using System.Buffers;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments;

/// <summary>A sealed <see cref="ColumnarSegment"/> as an Apache Arrow IPC file (one record batch, one row per document),
/// which pyarrow, pandas, polars and DuckDB open as they are.</summary>
/// <remarks>Columns: <c>id</c> (string), <c>tick</c> (int32), <c>phase</c>, <c>kind</c>, <c>author_id</c>, <c>vendor</c>,
/// <c>genre</c>, <c>source_document</c>, <c>watermark_key</c> (dictionary-encoded strings), <c>generation</c> (int32),
/// <c>genre_inferred</c> (bool), <c>tokens</c> (list of uint16 where every GPT-2 id fits, else int32) and <c>values</c>
/// (list of float64; empty for text). The schema's metadata names the format version.</remarks>
public static class ArrowSegmentFile
{
    /// <summary>Version of the columns written; a file of another version is refused.</summary>
    public const string FormatVersion = "1";

    /// <summary>File name extension of a sealed segment.</summary>
    public const string Extension = ".arrow";

    /// <summary>The schema metadata key of <see cref="FormatVersion"/>.</summary>
    internal const string VersionKey = "ecosystem.segment.format";

    /// <summary>The <c>phase</c> column's strings, by <see cref="TickPhase"/>.</summary>
    internal static readonly string[] PhaseNames = ["", "humans_publish", "vendors_train", "models_publish", "measure"];

    /// <summary>The <c>kind</c> column's strings, by <see cref="AuthorKind"/>.</summary>
    internal static readonly string[] KindNames = ["human", "model", "assisted"];

    /// <summary>The segment's bytes as an Arrow IPC file.</summary>
    public static ReadOnlyMemory<byte> Write(ColumnarSegment segment, StringTable strings)
    {
        var count = segment.Count;
        var idOffsets = new int[count + 1];
        var idBytes = new ArrayBufferWriter<byte>((count * 24) + 64);
        for (var i = 0; i < count; i++)
        {
            segment.WriteIdUtf8(i, strings, idBytes);
            idOffsets[i + 1] = idBytes.WrittenCount;
        }

        var ids = new StringArray(count, Buffer<int>(idOffsets), new ArrowBuffer(idBytes.WrittenMemory), ArrowBuffer.Empty, 0, 0);

        var tokenType = segment.HasCompactTokens ? (IArrowType)UInt16Type.Default : Int32Type.Default;
        IArrowArray tokenValues = segment.Tokens16 is { } compact
            ? new UInt16Array(Buffer<ushort>(compact), ArrowBuffer.Empty, compact.Length, 0, 0)
            : new Int32Array(Buffer<int>(segment.Tokens32!), ArrowBuffer.Empty, segment.Tokens32!.Length, 0, 0);
        var values = new DoubleArray(Buffer<double>(segment.Values), ArrowBuffer.Empty, segment.Values.Length, 0, 0);

        var columns = new (Field Field, IArrowArray Array)[]
        {
            (Field("id", StringType.Default), ids),
            (Field("tick", Int32Type.Default), new Int32Array(Buffer<int>(Enumerable.Repeat(segment.Tick, count).ToArray()), ArrowBuffer.Empty, count, 0, 0)),
            Dictionary("phase", count, i => segment.Phase[i], p => PhaseNames[p]),
            Dictionary("kind", count, i => segment.Kind[i], k => KindNames[k]),
            Dictionary("author_id", count, i => segment.AuthorCode[i], c => strings[c]),
            Dictionary("vendor", count, i => segment.VendorCode[i], c => strings[c]),
            (Field("generation", Int32Type.Default), new Int32Array(Buffer<int>(segment.Generation), ArrowBuffer.Empty, count, 0, 0)),
            Dictionary("genre", count, i => segment.GenreCode[i], c => strings[c]),
            (Field("genre_inferred", BooleanType.Default), Booleans(segment.GenreInferred)),
            Dictionary("source_document", count, i => segment.SourceCode[i], c => strings[c]),
            Dictionary("watermark_key", count, i => segment.WatermarkCode[i], c => strings[c]),
            (Field("tokens", new ListType(new Field("item", tokenType, false))),
                new ListArray(new ListType(new Field("item", tokenType, false)), count, Buffer<int>(segment.TokenOffsets), tokenValues, ArrowBuffer.Empty, 0, 0)),
            (Field("values", new ListType(new Field("item", DoubleType.Default, false))),
                new ListArray(new ListType(new Field("item", DoubleType.Default, false)), count, Buffer<int>(segment.ValueOffsets), values, ArrowBuffer.Empty, 0, 0)),
        };

        var schema = new Schema(columns.Select(c => c.Field), [new KeyValuePair<string, string>(VersionKey, FormatVersion)]);
        using var batch = new RecordBatch(schema, columns.Select(c => c.Array), count);
        // Sized for the columns and ids up front and handed out without a copy: a segment of a pre-AI web runs to tens
        // of MB, and a growing buffer would leave several of that size behind.
        using var stream = new MemoryStream((int)Math.Min(int.MaxValue, segment.MemoryBytes + (count * 32L) + 65536));
        using (var writer = new ArrowFileWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.GetBuffer().AsMemory(0, (int)stream.Length);
    }

    /// <summary>Reads a segment written by <see cref="Write"/>, coding its strings into <paramref name="strings"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="strings">The shard's string table.</param>
    /// <param name="name">The blob's name, for errors.</param>
    /// <exception cref="InvalidDataException">The bytes are not a segment file of this format.</exception>
    public static async Task<ColumnarSegment> ReadAsync(Stream stream, StringTable strings, string name)
    {
        using var rows = await OpenAsync(stream, name);
        return rows.ToColumns(strings);
    }

    /// <summary>Opens a segment written by <see cref="Write"/> as rows in native memory (see <see cref="SegmentFileRows"/>).</summary>
    /// <param name="stream">The file's bytes; one that cannot seek is copied first.</param>
    /// <param name="name">The blob's name, for errors.</param>
    /// <exception cref="InvalidDataException">The bytes are not a segment file of this format.</exception>
    public static async Task<SegmentFileRows> OpenAsync(Stream stream, string name)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.Position = 0;
            stream = copy;
        }

        return await SegmentFileRows.OpenAsync(stream, name);
    }

    private static Field Field(string name, IArrowType type) => new(name, type, nullable: false, metadata: null);

    /// <summary>A dictionary-encoded column of <paramref name="count"/> rows, entries in order of first occurrence. Row
    /// <c>i</c>'s key (<paramref name="keyAt"/>, at least 0) stands for one string (a phase or kind code, or a code of the
    /// segment's string table), so rows are matched by key in an array, without hashing a string per row.</summary>
    private static (Field, IArrowArray) Dictionary(string column, int count, Func<int, int> keyAt, Func<int, string> text)
    {
        var largest = 0;
        for (var i = 0; i < count; i++)
        {
            largest = Math.Max(largest, keyAt(i));
        }

        // Author and source codes run to the shard's whole string table: the array is lent, not left as garbage.
        var positions = ArrayPool<int>.Shared.Rent(largest + 1);
        positions.AsSpan(0, largest + 1).Fill(-1);
        var entries = 0;
        var dictionary = new StringArray.Builder();
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            var key = keyAt(i);
            var position = positions[key];
            if (position < 0)
            {
                position = positions[key] = entries++;
                dictionary.Append(text(key));
            }

            indices[i] = position;
        }

        ArrayPool<int>.Shared.Return(positions);

        var type = new DictionaryType(Int32Type.Default, StringType.Default, ordered: false);
        var array = new DictionaryArray(type, new Int32Array(Buffer<int>(indices), ArrowBuffer.Empty, indices.Length, 0, 0), dictionary.Build());
        return (Field(column, type), array);
    }

    private static BooleanArray Booleans(bool[] flags)
    {
        var bits = new byte[(flags.Length + 7) / 8];
        for (var i = 0; i < flags.Length; i++)
        {
            if (flags[i])
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new BooleanArray(new ArrowBuffer(bits), ArrowBuffer.Empty, flags.Length, 0, 0);
    }

    private static ArrowBuffer Buffer<T>(T[] values)
        where T : struct => new(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
}
