using System.Globalization;

namespace Ecosystem.Segments;

/// <summary>The two shapes of published document ids, written and parsed back into numbers, so a columnar segment keeps
/// ids as numbers rather than strings; ordinal order of the strings puts earlier ticks first and, within a tick, human
/// text before model output.</summary>
public static class DocumentIdFormat
{
    /// <summary>Id of the <paramref name="sequence"/>-th document a human author published at a tick.</summary>
    public static string Human(int tick, int author, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"t{tick:D6}-h{author:D6}-{sequence:D5}");

    /// <summary>Id of the <paramref name="sequence"/>-th document a model generation published at a tick.</summary>
    public static string Model(int tick, string vendor, int generation, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"t{tick:D6}-m-{vendor}-g{generation:D4}-{sequence:D6}");

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

        return string.Equals(Human(tick, author, sequence), id, StringComparison.Ordinal);
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
        return string.Equals(Model(tick, vendor, generation, sequence), id, StringComparison.Ordinal);
    }

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
