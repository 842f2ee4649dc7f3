using Ecosystem.Abstractions.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ecosystem.Reports;

/// <summary>A per-tick summary of a run: corpus synthetic share, then per vendor its generation and headline metrics.</summary>
/// <remarks>Text vendors show distinct-2, token entropy and held-out perplexity of their first replicate; theory vendors
/// show, across replicates, the mean and median variance, the mean squared error of the mean, the mean W2 distance and
/// the share of absorbed replicates. Columns whose metric is absent are left out; missing cells read "-".</remarks>
public sealed class SummaryTable
{
    private readonly IReadOnlyList<SummaryColumn> _columns;

    private SummaryTable(IReadOnlyList<SummaryColumn> columns, IReadOnlyList<int> ticks)
    {
        _columns = columns;
        Ticks = ticks;
        Rows = [.. ticks.Select(t => (IReadOnlyList<string>)[.. columns.Select(c => c.Cell(t))])];
    }

    /// <summary>Column headers, each "vendor: metric" (or just the name for the tick and corpus columns).</summary>
    public IReadOnlyList<string> Headers => [.. _columns.Select(c => c.Group.Length == 0 ? c.Name : c.Group + ": " + c.Name)];

    /// <summary>The ticks shown, one per row.</summary>
    public IReadOnlyList<int> Ticks { get; }

    /// <summary>Formatted cells (invariant culture), one list per tick, in header order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Builds the table; with <paramref name="maxTicks"/> &gt; 0 a long run shows that many evenly spaced ticks,
    /// first and last included.</summary>
    public static SummaryTable From(IReadOnlyList<MetricRow> rows, int maxTicks = 0)
    {
        var index = new MetricIndex(rows);
        var columns = new List<SummaryColumn> { new("", "tick", t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (index.Has(MetricNames.SyntheticShareDocuments, MetricIndex.Corpus))
        {
            var share = ByTick(index.Series(MetricNames.SyntheticShareDocuments, MetricIndex.Corpus));
            columns.Add(new("corpus", "synthetic share", t => NumberFormat.Percent(Lookup(share, t))));
        }

        foreach (var vendor in index.Vendors)
        {
            columns.Add(new(vendor, "generation", t => index.GenerationAt(vendor, t) ?? "-"));
            columns.AddRange(index.KindOf(vendor) == VendorKind.Theory ? TheoryColumns(index, vendor) : TextColumns(index, vendor));
        }

        return new SummaryTable(columns, Sample(index.Ticks, maxTicks));
    }

    /// <summary>A few lines comparing each vendor's first and last tick (see <see cref="RunHeadline"/>).</summary>
    public static string Headline(IReadOnlyList<MetricRow> rows) => RunHeadline.Write(new MetricIndex(rows));

    /// <summary>The table as a Spectre.Console renderable; cells are plain text, so names are never read as markup.</summary>
    public Table ToSpectreTable()
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in _columns)
        {
            var header = column.Group.Length == 0 ? column.Name : column.Group + "\n" + column.Name;
            table.AddColumn(new TableColumn(new Text(header)).RightAligned());
        }

        foreach (var row in Rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        return table;
    }

    /// <summary>The table as fixed-width plain text ('\n' line ends): a vendor line, a metric line, a rule, one line per tick.</summary>
    public string ToPlainText() =>
        PlainTextTable.Render([.. _columns.Select(c => c.Group)], [.. _columns.Select(c => c.Name)], Rows);

    /// <inheritdoc />
    public override string ToString() => ToPlainText();

    private static IEnumerable<SummaryColumn> TextColumns(MetricIndex index, string vendor)
    {
        (string Metric, string Name)[] metrics =
        [
            (MetricNames.Distinct2, "distinct-2"),
            (MetricNames.TokenEntropyBits, "entropy (bits)"),
            (MetricNames.HeldoutPerplexity, "held-out ppl"),
        ];
        foreach (var (metric, name) in metrics.Where(m => index.Has(m.Metric, vendor)))
        {
            var values = ByTick(index.Series(metric, vendor));
            yield return new SummaryColumn(vendor, name, t => NumberFormat.Number(Lookup(values, t)));
        }
    }

    private static IEnumerable<SummaryColumn> TheoryColumns(MetricIndex index, string vendor)
    {
        if (index.AcrossReplicates(MetricNames.Variance, vendor) is { Count: > 0 } variance)
        {
            var byTick = variance.ToDictionary(s => s.Tick);
            yield return new SummaryColumn(vendor, "variance mean", t => NumberFormat.Number(byTick.TryGetValue(t, out var s) ? s.Mean : null));
            yield return new SummaryColumn(vendor, "variance median", t => NumberFormat.Number(byTick.TryGetValue(t, out var s) ? s.Median : null));
        }

        foreach (var (metric, name, transform) in new (string, string, Func<double, double>?)[]
        {
            (MetricNames.MeanError, "mean error² (mean)", v => v * v),
            (MetricNames.Wasserstein2, "W2 (mean)", null),
        })
        {
            if (index.AcrossReplicates(metric, vendor, transform) is { Count: > 0 } summaries)
            {
                var byTick = summaries.ToDictionary(s => s.Tick, s => s.Mean);
                yield return new SummaryColumn(vendor, name, t => NumberFormat.Number(Lookup(byTick, t)));
            }
        }

        if (index.AbsorbedShare(vendor) is { Count: > 0 } absorbed)
        {
            var byTick = ByTick(absorbed);
            yield return new SummaryColumn(vendor, "absorbed", t => NumberFormat.Percent(Lookup(byTick, t)));
        }
    }

    private static Dictionary<int, double> ByTick(IReadOnlyList<TickValue> series) => series.ToDictionary(p => p.Tick, p => p.Value);

    private static double? Lookup(Dictionary<int, double> values, int tick) => values.TryGetValue(tick, out var v) ? v : null;

    /// <summary>Evenly spaced ticks, first and last included; all of them when they fit.</summary>
    private static List<int> Sample(IReadOnlyList<int> ticks, int maxTicks)
    {
        if (maxTicks <= 0 || ticks.Count <= maxTicks)
        {
            return [.. ticks];
        }

        if (maxTicks == 1)
        {
            return [ticks[^1]];
        }

        return [.. Enumerable.Range(0, maxTicks).Select(i => ticks[(int)Math.Round(i * (ticks.Count - 1) / (double)(maxTicks - 1))]).Distinct()];
    }
}
