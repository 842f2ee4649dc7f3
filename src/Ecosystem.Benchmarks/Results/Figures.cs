using System.Globalization;

namespace Ecosystem.Benchmarks.Results;

/// <summary>How figures are written in tables: rates with thousands separators, times and sizes in readable units.</summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count or a rate: whole numbers with separators from 100 up, three significant digits below.</summary>
    public static string Number(double value) => Math.Abs(value) switch
    {
        double.PositiveInfinity => "∞",
        >= 100 => value.ToString("N0", Invariant),
        >= 10 => value.ToString("F1", Invariant),
        >= 1 => value.ToString("F2", Invariant),
        0 => "0",
        _ => value.ToString("G3", Invariant),
    };

    /// <summary>A whole count with thousands separators.</summary>
    public static string Count(double value) => double.IsFinite(value) ? value.ToString("N0", Invariant) : Number(value);

    /// <summary>Seconds, with milliseconds below one second.</summary>
    public static string Seconds(double seconds) => seconds < 1
        ? (seconds * 1000).ToString(seconds < 0.01 ? "F2" : "F0", Invariant) + " ms"
        : seconds.ToString(seconds < 100 ? "F2" : "F0", Invariant) + " s";

    /// <summary>Bytes in MiB (one decimal).</summary>
    public static string Mebibytes(double bytes) => (bytes / (1024 * 1024)).ToString("N1", Invariant) + " MiB";

    /// <summary>Bytes in GiB (one decimal).</summary>
    public static string Gibibytes(double bytes) => (bytes / (1024 * 1024 * 1024)).ToString("N1", Invariant) + " GiB";

    /// <summary>A speed ratio such as "12.3×".</summary>
    public static string Times(double ratio) => Number(ratio) + "×";

    /// <summary>A share as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("F1", Invariant) + "%";
}
