using Ecosystem.Abstractions.Metrics;
using Spectre.Console;

namespace Ecosystem.Reports.Tests;

public sealed class SummaryTableTests
{
    [Fact]
    public void TextRunHasOneRowPerTickAndTheVendorColumns()
    {
        var table = SummaryTable.From(SyntheticRuns.Text());

        Assert.Equal([0, 1, 2, 3, 4], table.Ticks);
        Assert.Equal(
            [
                "tick", "corpus: synthetic share",
                "acme: generation", "acme: distinct-2", "acme: entropy (bits)", "acme: held-out ppl",
                "zenith: generation", "zenith: distinct-2", "zenith: entropy (bits)", "zenith: held-out ppl",
            ],
            table.Headers);
    }

    [Fact]
    public void TextRunShowsTheFirstAndLastValues()
    {
        var table = SummaryTable.From(SyntheticRuns.Text());

        Assert.Equal(["0", "0%", "0", "0.7123", "9.200", "210.4", "0", "0.6500", "9.000", "250.0"], table.Rows[0]);
        Assert.Equal(["4", "78%", "4", "0.4321", "8.000", "390.2", "2", "0.5700", "7.800", "270.0"], table.Rows[^1]);
    }

    [Fact]
    public void PlainTextHasVendorNamesAndValues()
    {
        var text = SummaryTable.From(SyntheticRuns.Text()).ToPlainText();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("acme", lines[0], StringComparison.Ordinal);
        Assert.Contains("zenith", lines[0], StringComparison.Ordinal);
        Assert.Contains("held-out ppl", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("----", lines[2], StringComparison.Ordinal);
        Assert.Equal(3 + SyntheticRuns.TextTicks, lines.Length);
        Assert.Contains("0.7123", lines[3], StringComparison.Ordinal);
        Assert.Contains("210.4", lines[3], StringComparison.Ordinal);
        Assert.Contains("0.4321", lines[^1], StringComparison.Ordinal);
        Assert.Contains("390.2", lines[^1], StringComparison.Ordinal);
        Assert.Contains("78%", lines[^1], StringComparison.Ordinal);

        // Fixed width: every body line as long as the column-name line.
        Assert.All(lines.Skip(1), l => Assert.Equal(lines[1].Length, l.Length));
    }

    [Fact]
    public void GaussianRunSummarisesAcrossReplicates()
    {
        var rows = SyntheticRuns.Gaussian();
        var table = SummaryTable.From(rows);
        var last = SyntheticRuns.TheoryTicks - 1;
        var variances = rows.Where(r => r.Vendor == "refit" && r.Metric == "variance" && r.Tick == last).Select(r => r.Value).Order().ToList();
        var errors = rows.Where(r => r.Vendor == "refit" && r.Metric == "mean_error" && r.Tick == last).Select(r => r.Value * r.Value).ToList();
        var median = (variances[24] + variances[25]) / 2;

        Assert.Contains("refit: variance mean", table.Headers);
        Assert.Contains("refit: variance median", table.Headers);
        Assert.Contains("refit: mean error² (mean)", table.Headers);
        Assert.Contains("refit: W2 (mean)", table.Headers);
        Assert.DoesNotContain(table.Headers, h => h.Contains("absorbed", StringComparison.Ordinal));
        Assert.Equal(NumberFormat.Number(variances.Average()), Cell(table, last, "refit: variance mean"));
        Assert.Equal(NumberFormat.Number(median), Cell(table, last, "refit: variance median"));
        Assert.Equal(NumberFormat.Number(errors.Average()), Cell(table, last, "refit: mean error² (mean)"));
        Assert.Equal("1.000", Cell(table, 0, "refit: variance mean"));
    }

    [Fact]
    public void CategoricalRunShowsTheAbsorbedShare()
    {
        var table = SummaryTable.From(SyntheticRuns.Categorical());

        Assert.Equal(["tick", "dice: generation", "dice: absorbed"], table.Headers);
        Assert.Equal("10%", Cell(table, 0, "dice: absorbed"));
        Assert.Equal("84%", Cell(table, SyntheticRuns.TheoryTicks - 1, "dice: absorbed"));
    }

    [Fact]
    public void LongRunsCanBeThinnedToEvenlySpacedTicks()
    {
        Assert.Equal([0, 2, 4], SummaryTable.From(SyntheticRuns.Text(), maxTicks: 3).Ticks);
        Assert.Equal([0, 3, 6, 9], SummaryTable.From(SyntheticRuns.Categorical(), maxTicks: 4).Ticks);
        Assert.Equal([4], SummaryTable.From(SyntheticRuns.Text(), maxTicks: 1).Ticks);
        Assert.Equal(5, SummaryTable.From(SyntheticRuns.Text(), maxTicks: 50).Ticks.Count);
    }

    [Fact]
    public void MissingCellsReadDash()
    {
        List<MetricRow> rows =
        [
            new(0, 0, "", "", "synthetic_share_documents", "", 0),
            new(1, 0, "", "", "synthetic_share_documents", "", 0.5),
            new(1, 0, "late", "0", "distinct_2", "", 0.5),
        ];

        var table = SummaryTable.From(rows);

        Assert.Equal(["0", "0%", "-", "-"], table.Rows[0]);
        Assert.Equal(["1", "50%", "0", "0.5000"], table.Rows[1]);
    }

    [Fact]
    public void NoRowsGiveAnEmptyTable()
    {
        var table = SummaryTable.From([]);

        Assert.Empty(table.Rows);
        Assert.Equal(["tick"], table.Headers);
        Assert.StartsWith("tick", table.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal("", SummaryTable.Headline([]));
    }

    [Fact]
    public void SpectreTableRendersTheSameCells()
    {
        var table = SummaryTable.From(SyntheticRuns.Text()).ToSpectreTable();
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;

        console.Write(table);
        var text = writer.ToString();

        Assert.Equal(10, table.Columns.Count);
        Assert.Equal(5, table.Rows.Count);
        Assert.Contains("acme", text, StringComparison.Ordinal);
        Assert.Contains("zenith", text, StringComparison.Ordinal);
        Assert.Contains("0.4321", text, StringComparison.Ordinal);
        Assert.Contains("390.2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VendorNamesAreNotReadAsMarkup()
    {
        List<MetricRow> rows = [new(0, 0, "[bold]x", "0", "distinct_2", "", 0.5)];
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });

        console.Write(SummaryTable.From(rows).ToSpectreTable());

        Assert.Contains("[bold]x", writer.ToString(), StringComparison.Ordinal);
    }

    private static string Cell(SummaryTable table, int tick, string header)
    {
        var row = table.Ticks.ToList().IndexOf(tick);
        var column = table.Headers.ToList().IndexOf(header);
        Assert.True(row >= 0 && column >= 0, $"no cell for tick {tick}, '{header}'");
        return table.Rows[row][column];
    }
}
