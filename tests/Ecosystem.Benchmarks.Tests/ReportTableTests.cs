using Ecosystem.Benchmarks.Results;

namespace Ecosystem.Benchmarks.Tests;

public class ReportTableTests
{
    [Fact]
    public void Markdown_right_aligns_the_figure_columns_and_escapes_pipes()
    {
        var table = new ReportTable("Speed", ["case", "documents/s"], [["a|b", "1,000"]]);

        var lines = table.ToMarkdown().Split('\n');

        Assert.Equal("**Speed**", lines[0]);
        Assert.Equal("| case | documents/s |", lines[2]);
        Assert.Equal("| --- | ---: |", lines[3]);
        Assert.Equal("| a\\|b | 1,000 |", lines[4]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_an_error()
    {
        var table = new ReportTable("Speed", ["case", "documents/s"], [["a"]]);
        Assert.Throws<InvalidOperationException>(() => table.ToMarkdown());
    }
}
