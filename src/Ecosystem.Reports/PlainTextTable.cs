using System.Text;

namespace Ecosystem.Reports;

/// <summary>Fixed-width text layout of a table with grouped headers: a line of group names spanning their columns, a line
/// of column names, a rule, then right-aligned cells. Independent of any console width, so logs and tests see the same text.</summary>
internal static class PlainTextTable
{
    private const string Gap = "  ";

    public static string Render(IReadOnlyList<string> groups, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = names.Select((name, c) => rows.Select(r => r[c].Length).Append(name.Length).Max()).ToArray();
        var spans = Spans(groups);

        // A group name wider than its columns widens the group's last column.
        foreach (var (group, first, last) in spans)
        {
            var spanWidth = Enumerable.Range(first, last - first + 1).Sum(c => widths[c]) + (Gap.Length * (last - first));
            widths[last] += Math.Max(0, group.Length - spanWidth);
        }

        var text = new StringBuilder();
        if (groups.Any(g => g.Length > 0))
        {
            var line = new StringBuilder();
            foreach (var (group, first, last) in spans)
            {
                var spanWidth = Enumerable.Range(first, last - first + 1).Sum(c => widths[c]) + (Gap.Length * (last - first));
                line.Append(first == 0 ? "" : Gap).Append(group.PadRight(spanWidth));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        AppendLine(text, names, widths);
        AppendLine(text, widths.Select(w => new string('-', w)).ToList(), widths);
        foreach (var row in rows)
        {
            AppendLine(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            text.Append(c == 0 ? "" : Gap).Append(cells[c].PadLeft(widths[c]));
        }

        text.Append('\n');
    }

    private static List<(string Group, int First, int Last)> Spans(IReadOnlyList<string> groups)
    {
        var spans = new List<(string, int, int)>();
        var start = 0;
        for (var c = 1; c <= groups.Count; c++)
        {
            if (c == groups.Count || groups[c] != groups[start])
            {
                spans.Add((groups[start], start, c - 1));
                start = c;
            }
        }

        return spans;
    }
}
