using System.Globalization;
using Ecosystem.Abstractions.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ecosystem.Reports;

/// <summary>The theory rows of a run, one line per vendor and quantity: the last tick's simulated value, its closed
/// form, the standard error and z, and the largest |z| of the run with its tick.</summary>
public sealed class TheoryTable
{
    private static readonly string[] Headers = ["vendor", "quantity", "tick", "simulated", "expected", "std. error", "z", "largest |z| (tick)"];
    private readonly List<string[]> _rows;

    private TheoryTable(List<string[]> rows) => _rows = rows;

    /// <summary>True when the run wrote no theory rows.</summary>
    public bool IsEmpty => _rows.Count == 0;

    /// <summary>The table of <paramref name="rows"/>'s theory rows.</summary>
    public static TheoryTable From(IReadOnlyList<MetricRow> rows)
    {
        var index = new MetricIndex(rows);
        var lines = new List<string[]>();
        foreach (var vendor in index.VendorsWith(MetricNames.TheoryExpected))
        {
            foreach (var quantity in index.Labels(MetricNames.TheoryExpected, vendor))
            {
                var expected = index.Series(MetricNames.TheoryExpected, vendor, quantity);
                if (expected.Count == 0)
                {
                    continue;
                }

                var tick = expected[^1].Tick;
                double At(string metric) => index.Series(metric, vendor, quantity).Where(p => p.Tick == tick).Select(p => p.Value).DefaultIfEmpty(double.NaN).First();
                var zs = index.Series(MetricNames.TheoryZ, vendor, quantity);
                TickValue? largest = zs.Count == 0 ? null : zs.MaxBy(p => Math.Abs(p.Value));
                lines.Add([
                    vendor, quantity, tick.ToString(CultureInfo.InvariantCulture),
                    Number(At(MetricNames.TheorySimulated)), Number(expected[^1].Value), Number(At(MetricNames.TheoryStandardError)),
                    Z(At(MetricNames.TheoryZ)),
                    largest is { } most ? $"{Z(most.Value)} ({most.Tick.ToString(CultureInfo.InvariantCulture)})" : "–",
                ]);
            }
        }

        return new TheoryTable(lines);
    }

    /// <summary>The table for the console.</summary>
    public Table ToSpectreTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Simulated beside the closed form");
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(new Text(header)).RightAligned());
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        return table;
    }

    /// <summary>The table as fixed-width plain text.</summary>
    public string ToPlainText() => PlainTextTable.Render([.. Headers.Select(_ => "")], Headers, _rows);

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static string Z(double value) => double.IsFinite(value) ? value.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "–";
}
