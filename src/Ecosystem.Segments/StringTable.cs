using System.Runtime.CompilerServices;

namespace Ecosystem.Segments;

/// <summary>Small integer codes for the strings a corpus shard repeats (authors, vendors, genres, source documents,
/// watermark keys), shared by all of the shard's segments; codes are never reused or removed.</summary>
/// <remarks>Code 0 is always the empty string. Not safe for concurrent use, even by callers that only look strings up
/// (a look-up may remember its answer): the shard that owns a table uses it from its own turns only.</remarks>
public sealed class StringTable
{
    private const int RecentSlots = 4096;
    private const int LargeTable = 256;

    private readonly List<string> _values = [""];
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal) { [""] = 0 };

    // Most strings a shard codes are the same instances again and again (a corpus document's id and genre, an author's
    // id): a small table keyed by object identity answers those without hashing the string and probing a table of
    // every author and source of the web. It only short-cuts look-ups, so codes are the same with it or without it.
    // Made once the table is large: a small one (a batch of documents between silos) hashes quickly without it.
    private (string? Value, int Code)[]? _recent;

    /// <summary>Number of distinct strings held.</summary>
    public int Count => _values.Count;

    /// <summary>The code of <paramref name="value"/>, added if new.</summary>
    public int CodeOf(string value)
    {
        // Most documents have no vendor and no watermark key.
        if (value.Length == 0)
        {
            return 0;
        }

        if (_recent is { } recent && recent[Slot(value)] is var (seen, seenCode) && ReferenceEquals(seen, value))
        {
            return seenCode;
        }

        if (!_codes.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _values.Add(value);
            _codes.Add(value, code);
        }

        if (_recent is null && _values.Count >= LargeTable)
        {
            _recent = new (string?, int)[RecentSlots];
        }

        if (_recent is not null)
        {
            _recent[Slot(value)] = (value, code);
        }

        return code;
    }

    private static int Slot(string value) => RuntimeHelpers.GetHashCode(value) & (RecentSlots - 1);

    /// <summary>The code of <paramref name="value"/>, or -1 when the table does not hold it.</summary>
    public int Find(string value) => _codes.GetValueOrDefault(value, -1);

    /// <summary>The string of <paramref name="code"/>.</summary>
    public string this[int code] => _values[code];
}
