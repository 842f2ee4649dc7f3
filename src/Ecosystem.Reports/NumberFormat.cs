using System.Globalization;

namespace Ecosystem.Reports;

/// <summary>Culture-invariant number formatting with a fixed number of significant digits.</summary>
internal static class NumberFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value with about <paramref name="significant"/> significant digits: plain notation from 0.001 up to
    /// a million (large values keep their integer part), scientific outside; "-" for missing or non-finite values.</summary>
    /// <param name="value">The value.</param>
    /// <param name="significant">Significant digits (3 or 4 in reports).</param>
    /// <param name="trim">Drop trailing zeros after the decimal point ("0.71" rather than "0.7100").</param>
    public static string Number(double? value, int significant = 4, bool trim = false)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "-";
        }

        if (v == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(v);
        if (magnitude >= 1e6 || magnitude < 1e-3)
        {
            return v.ToString("0." + new string('#', significant - 1) + "E+0", Invariant);
        }

        var decimals = Math.Max(0, significant - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        var text = v.ToString("F" + decimals.ToString(Invariant), Invariant);
        if (trim && text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }

    /// <summary>A share in [0, 1] as a percentage with up to one decimal ("78.3%", "0%").</summary>
    public static string Percent(double? share)
    {
        if (share is not { } s || !double.IsFinite(s))
        {
            return "-";
        }

        // Rounding first keeps tiny negatives from printing as "-0%".
        var percent = Math.Round(s * 100, 1);
        return (percent == 0 ? 0 : percent).ToString("0.#", Invariant) + "%";
    }
}
