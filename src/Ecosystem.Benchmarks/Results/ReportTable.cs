using System.Text;
using Spectre.Console;

namespace Ecosystem.Benchmarks.Results;

/// <summary>A table of formatted figures: the first column names the row (left-aligned), the others hold numbers (right-aligned).</summary>
/// <param name="Title">Caption above the table.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells, one list per row, as many as there are columns.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table as GitHub markdown: a bold caption line, then the pipe table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("**").Append(Title).Append("**\n\n");
        text.Append("| ").Append(string.Join(" | ", Columns.Select(Escape))).Append(" |\n");
        text.Append("| ").Append(string.Join(" | ", Columns.Select((_, c) => c == 0 ? "---" : "---:"))).Append(" |\n");
        foreach (var row in Rows)
        {
            CheckWidth(row);
            text.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The table for the console.</summary>
    public Table ToSpectreTable()
    {
        var table = new Table().Title(Markup.Escape(Title)).RoundedBorder();
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(Columns[c]));
            table.AddColumn(c == 0 ? column.LeftAligned() : column.RightAligned());
        }

        foreach (var row in Rows)
        {
            CheckWidth(row);
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    private void CheckWidth(IReadOnlyList<string> row)
    {
        if (row.Count != Columns.Count)
        {
            throw new InvalidOperationException($"Table '{Title}': a row has {row.Count} cells for {Columns.Count} columns.");
        }
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
