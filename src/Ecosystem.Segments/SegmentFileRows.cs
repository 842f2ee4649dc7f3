using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Memory;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Segments;

/// <summary>The rows of a segment file (<see cref="ArrowSegmentFile"/>) as Arrow read them, in native memory freed on
/// dispose: a crawl that draws a few rows of a segment no longer in memory takes just those rows, and a segment read
/// back whole is copied once, into its columns, with no file-sized array on the managed heap.</summary>
public sealed class SegmentFileRows : IDisposable
{
    private readonly ArrowFileReader _reader;
    private readonly RecordBatch _batch;
    private readonly string _name;
    private readonly StringArray _ids;
    private readonly int _tick;
    private readonly DictionaryColumn _phase;
    private readonly DictionaryColumn _kind;
    private readonly DictionaryColumn _author;
    private readonly DictionaryColumn _vendor;
    private readonly DictionaryColumn _genre;
    private readonly DictionaryColumn _source;
    private readonly DictionaryColumn _watermark;
    private readonly Int32Array _generation;
    private readonly BooleanArray _inferred;
    private readonly ListArray _tokens;
    private readonly ListArray _values;
    private readonly bool[] _syntheticKind;
    private readonly byte[] _phaseCode;
    private readonly byte[] _kindCode;

    private SegmentFileRows(ArrowFileReader reader, RecordBatch batch, string name)
    {
        _reader = reader;
        _batch = batch;
        _name = name;
        Count = batch.Length;
        _ids = (StringArray)Column("id");
        var ticks = (Int32Array)Column("tick");
        _tick = Count == 0 ? 0 : ticks.GetValue(0)!.Value;
        _phase = Dictionary("phase");
        _kind = Dictionary("kind");
        _author = Dictionary("author_id");
        _vendor = Dictionary("vendor");
        _genre = Dictionary("genre");
        _source = Dictionary("source_document");
        _watermark = Dictionary("watermark_key");
        _generation = (Int32Array)Column("generation");
        _inferred = (BooleanArray)Column("genre_inferred");
        _tokens = (ListArray)Column("tokens");
        _values = (ListArray)Column("values");
        if (_tokens.Values is not (UInt16Array or Int32Array))
        {
            throw new InvalidDataException($"Segment '{name}': column 'tokens' holds {_tokens.Values.Data.DataType.Name}, not uint16 or int32.");
        }

        if (_values.Values is not DoubleArray)
        {
            throw new InvalidDataException($"Segment '{name}': column 'values' holds {_values.Values.Data.DataType.Name}, not double.");
        }

        _phaseCode = Codes(_phase, "phase", ArrowSegmentFile.PhaseNames);
        _kindCode = Codes(_kind, "kind", ArrowSegmentFile.KindNames);
        _syntheticKind = [.. _kindCode.Select(k => (AuthorKind)k != AuthorKind.Human)];
    }

    /// <summary>Number of rows (documents).</summary>
    public int Count { get; }

    /// <summary>The tick of every row.</summary>
    public int Tick => _tick;

    /// <summary>Reads the file's record batch into native memory.</summary>
    /// <param name="stream">The file, seekable.</param>
    /// <param name="name">The blob's name, for errors.</param>
    /// <exception cref="InvalidDataException">The bytes are not a segment file of this format.</exception>
    public static async Task<SegmentFileRows> OpenAsync(Stream stream, string name)
    {
        ArrowFileReader? reader = null;
        RecordBatch? batch = null;
        try
        {
            reader = new ArrowFileReader(stream, new NativeMemoryAllocator(alignment: 64), leaveOpen: true);
            var schema = reader.Schema;
            var version = schema.HasMetadata ? schema.Metadata.GetValueOrDefault(ArrowSegmentFile.VersionKey) : null;
            if (version != ArrowSegmentFile.FormatVersion)
            {
                throw new InvalidDataException($"Segment '{name}' is of format {version ?? "(none)"}, not {ArrowSegmentFile.FormatVersion}.");
            }

            batch = await reader.ReadNextRecordBatchAsync()
                ?? throw new InvalidDataException($"Segment '{name}' holds no record batch.");
            return new SegmentFileRows(reader, batch, name);
        }
        catch (Exception e)
        {
            batch?.Dispose();
            reader?.Dispose();
            throw e is InvalidDataException && e.Message.StartsWith($"Segment '{name}'", StringComparison.Ordinal)
                ? e
                : new InvalidDataException($"Segment '{name}' is not a readable Arrow file: {e.Message}", e);
        }
    }

    /// <summary>True when row <paramref name="index"/> carries model text.</summary>
    public bool IsSyntheticAt(int index) => _syntheticKind[_kind.Indices[index]];

    /// <summary>The vendor of row <paramref name="index"/> ("" for human text).</summary>
    public string VendorAt(int index) => _vendor.Strings[_vendor.Indices[index]];

    /// <summary>Row <paramref name="index"/> as a document, equal to what its segment's columns give.</summary>
    public Document DocumentAt(int index)
    {
        var provenance = new Provenance(
            (AuthorKind)_kindCode[_kind.Indices[index]], _author.At(index), _vendor.At(index), _generation.GetValue(index)!.Value,
            _genre.At(index), _inferred.GetValue(index)!.Value, _source.At(index), _watermark.At(index));
        var tokenStart = _tokens.ValueOffsets[index];
        var tokenCount = _tokens.ValueOffsets[index + 1] - tokenStart;
        var tokens = new int[tokenCount];
        if (_tokens.Values is UInt16Array compact)
        {
            var span = compact.Values.Slice(tokenStart, tokenCount);
            for (var i = 0; i < tokenCount; i++)
            {
                tokens[i] = span[i];
            }
        }
        else
        {
            ((Int32Array)_tokens.Values).Values.Slice(tokenStart, tokenCount).CopyTo(tokens);
        }

        var valueStart = _values.ValueOffsets[index];
        var values = ((DoubleArray)_values.Values).Values.Slice(valueStart, _values.ValueOffsets[index + 1] - valueStart).ToArray();
        return new Document(_ids.GetString(index), _tick, (TickPhase)_phaseCode[_phase.Indices[index]], provenance, new DocumentContent(tokens, values));
    }

    /// <summary>All rows as columns, coding their strings into <paramref name="strings"/>.</summary>
    public ColumnarSegment ToColumns(StringTable strings)
    {
        var count = Count;
        var segment = new ColumnarSegment(_tick, count);
        var author = _author.CodesIn(strings);
        var vendor = _vendor.CodesIn(strings);
        var genre = _genre.CodesIn(strings);
        var source = _source.CodesIn(strings);
        var watermark = _watermark.CodesIn(strings);
        for (var i = 0; i < count; i++)
        {
            segment.Phase[i] = _phaseCode[_phase.Indices[i]];
            segment.Kind[i] = _kindCode[_kind.Indices[i]];
            SegmentBuilder.SetId(segment, i, _ids.GetString(i), strings);
            segment.AuthorCode[i] = author[_author.Indices[i]];
            segment.VendorCode[i] = vendor[_vendor.Indices[i]];
            segment.Generation[i] = _generation.GetValue(i)!.Value;
            segment.GenreCode[i] = genre[_genre.Indices[i]];
            segment.GenreInferred[i] = _inferred.GetValue(i)!.Value;
            segment.SourceCode[i] = source[_source.Indices[i]];
            segment.WatermarkCode[i] = watermark[_watermark.Indices[i]];
        }

        var tokenStart = _tokens.ValueOffsets[0];
        var valueStart = _values.ValueOffsets[0];
        for (var i = 0; i <= count; i++)
        {
            segment.TokenOffsets[i] = _tokens.ValueOffsets[i] - tokenStart;
            segment.ValueOffsets[i] = _values.ValueOffsets[i] - valueStart;
        }

        var tokenCount = segment.TokenOffsets[count];
        if (_tokens.Values is UInt16Array compact)
        {
            segment.Tokens16 = compact.Values.Slice(tokenStart, tokenCount).ToArray();
        }
        else
        {
            var wide = ((Int32Array)_tokens.Values).Values.Slice(tokenStart, tokenCount);
            // A segment written with 32-bit ids whose ids all fit 16 bits is held as the builder would hold it.
            var fits = true;
            foreach (var token in wide)
            {
                fits &= token is >= 0 and <= ushort.MaxValue;
            }

            if (fits)
            {
                var narrow = new ushort[tokenCount];
                for (var i = 0; i < tokenCount; i++)
                {
                    narrow[i] = (ushort)wide[i];
                }

                segment.Tokens16 = narrow;
            }
            else
            {
                segment.Tokens32 = wide.ToArray();
            }
        }

        segment.Values = ((DoubleArray)_values.Values).Values.Slice(valueStart, segment.ValueOffsets[count]).ToArray();
        return segment;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _batch.Dispose();
        _reader.Dispose();
    }

    private IArrowArray Column(string column) =>
        _batch.Schema.GetFieldIndex(column) is var index and >= 0
            ? _batch.Column(index)
            : throw new InvalidDataException($"Segment '{_name}' has no column '{column}'.");

    private DictionaryColumn Dictionary(string column) =>
        Column(column) is DictionaryArray { Dictionary: StringArray dictionary, Indices: Int32Array indices }
            ? new DictionaryColumn([.. Enumerable.Range(0, dictionary.Length).Select(d => dictionary.GetString(d))], indices)
            : throw new InvalidDataException($"Segment '{_name}': column '{column}' is not a dictionary of strings.");

    /// <summary>The position of each of a column's dictionary strings in <paramref name="names"/>.</summary>
    private byte[] Codes(DictionaryColumn column, string name, string[] names) =>
        [.. column.Strings.Select(s => System.Array.IndexOf(names, s) is var code and >= 0
            ? (byte)code
            : throw new InvalidDataException($"Segment '{_name}': column '{name}' holds the unknown value '{s}'."))];

    /// <summary>A dictionary-encoded string column: its strings, decoded once, and each row's index into them.</summary>
    private sealed class DictionaryColumn(string[] strings, Int32Array indices)
    {
        public string[] Strings { get; } = strings;

        public ReadOnlySpan<int> Indices => indices.Values;

        public string At(int row) => Strings[indices.Values[row]];

        public int[] CodesIn(StringTable table) => [.. Strings.Select(table.CodeOf)];
    }
}
