using System.Globalization;

namespace Ecosystem.Reports;

/// <summary>Orders generation names numerically when they are numbers ("10" after "9"), else ordinally.</summary>
internal sealed class GenerationOrder : IComparer<string>
{
    public static GenerationOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var xNumber = long.TryParse(x, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a);
        var yNumber = long.TryParse(y, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b);
        return (xNumber, yNumber) switch
        {
            (true, true) => a.CompareTo(b),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(x, y),
        };
    }
}
