using System.Globalization;
using System.Text;

namespace Ecosystem.Segments;

/// <summary>The two shapes of published document ids, written and parsed back into numbers, so a columnar segment keeps
/// ids as numbers rather than strings; ordinal order of the strings puts earlier ticks first and, within a tick, human
/// text before model output.</summary>
public static class DocumentIdFormat
{
    // Characters of an id besides a model's vendor name: three numbers of at most eleven (a sign and ten digits) and the
    // letters and dashes between them. Each form's text is written by one method (TryWriteHuman, TryWriteModel) into a
    // buffer this long, plus the vendor's length, on the stack unless the vendor's name is long.
    internal const int NumbersLength = 64;
    private const int StackVendorLength = 192;

    /// <summary>Id of the <paramref name="sequence"/>-th document a human author published at a tick.</summary>
    public static string Human(int tick, int author, int sequence)
    {
        Span<char> written = stackalloc char[NumbersLength];
        TryWriteHuman(written, tick, author, sequence, out var length);
        return new string(written[..length]);
    }

    /// <summary>Id of the <paramref name="sequence"/>-th document a model generation published at a tick.</summary>
    public static string Model(int tick, string vendor, int generation, int sequence)
    {
        Span<char> written = vendor.Length <= StackVendorLength ? stackalloc char[NumbersLength + StackVendorLength] : new char[NumbersLength + vendor.Length];
        TryWriteModel(written, tick, vendor, generation, sequence, out var length);
        return new string(written[..length]);
    }

    /// <summary>Parses a human id; false (and nothing set) for any other string, including one that would not be
    /// written back identically.</summary>
    public static bool TryParseHuman(string id, out int tick, out int author, out int sequence)
    {
        tick = author = sequence = 0;
        var first = id.IndexOf('-', StringComparison.Ordinal);
        var second = first < 0 ? -1 : id.IndexOf('-', first + 1);
        if (id.Length < 2 || id[0] != 't' || first < 0 || second < 0 || first + 1 >= id.Length || id[first + 1] != 'h'
            || !TryNumber(id.AsSpan(1, first - 1), out tick)
            || !TryNumber(id.AsSpan(first + 2, second - first - 2), out author)
            || !TryNumber(id.AsSpan(second + 1), out sequence))
        {
            return false;
        }

        // Written back into a stack buffer, not a new string: the seal parses every id of a tick.
        Span<char> written = stackalloc char[NumbersLength];
        TryWriteHuman(written, tick, author, sequence, out var length);
        return written[..length].SequenceEqual(id);
    }

    /// <summary>Parses a model id; false for any other string, including one that would not be written back
    /// identically.</summary>
    public static bool TryParseModel(string id, out int tick, out string vendor, out int generation, out int sequence)
    {
        tick = generation = sequence = 0;
        vendor = "";
        var first = id.IndexOf('-', StringComparison.Ordinal);
        var last = id.LastIndexOf('-');
        var beforeLast = last <= 0 ? -1 : id.LastIndexOf('-', last - 1);
        if (id.Length < 2 || id[0] != 't' || first < 0 || beforeLast <= first + 2 || !id.AsSpan(first).StartsWith("-m-")
            || id[beforeLast + 1] != 'g'
            || !TryNumber(id.AsSpan(1, first - 1), out tick)
            || !TryNumber(id.AsSpan(beforeLast + 2, last - beforeLast - 2), out generation)
            || !TryNumber(id.AsSpan(last + 1), out sequence))
        {
            return false;
        }

        vendor = id[(first + 3)..beforeLast];
        Span<char> written = vendor.Length <= StackVendorLength ? stackalloc char[NumbersLength + StackVendorLength] : new char[NumbersLength + vendor.Length];
        TryWriteModel(written, tick, vendor, generation, sequence, out var length);
        return written[..length].SequenceEqual(id);
    }

    /// <summary>Writes a human id as UTF-8 into <paramref name="destination"/>; false when it does not fit.</summary>
    public static bool TryWriteHumanUtf8(Span<byte> destination, int tick, int author, int sequence, out int written)
    {
        Span<char> chars = stackalloc char[NumbersLength];
        TryWriteHuman(chars, tick, author, sequence, out var length);
        return Encoding.UTF8.TryGetBytes(chars[..length], destination, out written);
    }

    /// <summary>Writes a model id as UTF-8 into <paramref name="destination"/>; false when it does not fit.</summary>
    public static bool TryWriteModelUtf8(Span<byte> destination, int tick, string vendor, int generation, int sequence, out int written)
    {
        Span<char> chars = vendor.Length <= StackVendorLength ? stackalloc char[NumbersLength + StackVendorLength] : new char[NumbersLength + vendor.Length];
        TryWriteModel(chars, tick, vendor, generation, sequence, out var length);
        return Encoding.UTF8.TryGetBytes(chars[..length], destination, out written);
    }

    private static bool TryWriteHuman(Span<char> destination, int tick, int author, int sequence, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"t{tick:D6}-h{author:D6}-{sequence:D5}", out written);

    private static bool TryWriteModel(Span<char> destination, int tick, string vendor, int generation, int sequence, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"t{tick:D6}-m-{vendor}-g{generation:D4}-{sequence:D6}", out written);

    private static bool TryNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
