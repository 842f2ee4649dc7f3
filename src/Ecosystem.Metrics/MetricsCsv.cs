using Ecosystem.Abstractions.Metrics;
using System.Globalization;
using System.Text;

namespace Ecosystem.Metrics;

/// <summary>The long-format metrics CSV (RFC 4180): header <see cref="Header"/>, one <see cref="MetricRow"/> per line.</summary>
/// <remarks>Numbers use the invariant culture; doubles use the shortest round-trip form ("R"), NaN is written
/// "NaN" and infinities "inf" / "-inf", all of which pandas.read_csv parses as floats. Lines end in "\n" on every
/// platform so that output files are byte-identical across machines.</remarks>
public static class MetricsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "tick,replicate,vendor,generation,metric,label,value";

    private static readonly string[] HeaderFields = Header.Split(',');

    /// <summary>Formats a double: round-trip digits, "NaN", "inf" or "-inf".</summary>
    public static string FormatValue(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a double written by <see cref="FormatValue"/> (also "+inf", "Infinity" and any casing of "nan").</summary>
    public static double ParseValue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("+inf", StringComparison.OrdinalIgnoreCase)
            || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (s.Equals("-inf", StringComparison.OrdinalIgnoreCase) || s.Equals("-infinity", StringComparison.OrdinalIgnoreCase))
        {
            return double.NegativeInfinity;
        }

        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Quotes a field (doubling inner quotes) when it contains a comma, quote, CR or LF, or has
    /// surrounding spaces; otherwise returns it unchanged.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field[0] == ' ' || field[^1] == ' ';
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>One CSV line for the row, without the line ending.</summary>
    public static string FormatRow(MetricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sb = new StringBuilder(64);
        AppendRow(sb, row);
        return sb.ToString();
    }

    /// <summary>Writes the rows (and the header first when asked) to a text writer.</summary>
    public static void Write(TextWriter writer, IEnumerable<MetricRow> rows, bool includeHeader = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        if (includeHeader)
        {
            sb.Append(Header).Append('\n');
        }

        foreach (var row in rows)
        {
            AppendRow(sb, row);
            sb.Append('\n');
        }

        writer.Write(sb.ToString());
    }

    /// <summary>Reads every row of a metrics CSV file; the first line must be the header.</summary>
    public static IReadOnlyList<MetricRow> Read(string path)
    {
        // FileShare.ReadWrite: the file may still be open in a MetricsCsvWriter.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>Parses metrics CSV text; the first record must be the header. Quoted fields may hold commas,
    /// quotes and line breaks; a blank last line is ignored.</summary>
    public static IReadOnlyList<MetricRow> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = ParseRecords(reader.ReadToEnd());
        if (records.Count == 0 || !records[0].SequenceEqual(HeaderFields, StringComparer.Ordinal))
        {
            throw new FormatException($"Missing metrics CSV header \"{Header}\".");
        }

        var rows = new List<MetricRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            var f = records[i];
            if (f.Count != HeaderFields.Length)
            {
                throw new FormatException($"Record {i} has {f.Count} fields, expected {HeaderFields.Length}.");
            }

            rows.Add(new MetricRow(
                int.Parse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture),
                int.Parse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture),
                f[2], f[3], f[4], f[5], ParseValue(f[6])));
        }

        return rows;
    }

    internal static void AppendRow(StringBuilder sb, MetricRow row)
    {
        sb.Append(row.Tick.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(row.Replicate.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Escape(row.Vendor)).Append(',')
            .Append(Escape(row.Generation)).Append(',')
            .Append(Escape(row.Metric)).Append(',')
            .Append(Escape(row.Label)).Append(',')
            .Append(FormatValue(row.Value));
    }

    private static List<List<string>> ParseRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (fieldStarted || field.Length > 0 || record.Count > 0)
                    {
                        record.Add(field.ToString());
                        records.Add(record);
                    }

                    record = [];
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("Unterminated quoted field.");
        }

        if (fieldStarted || field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
