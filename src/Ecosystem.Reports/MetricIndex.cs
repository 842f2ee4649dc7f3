using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Reports;

/// <summary>Long-format metric rows indexed by metric and vendor, with the series and cross-replicate summaries the
/// plots and tables need.</summary>
/// <remarks>When several rows share tick, replicate, vendor, metric and label (a vendor that measured two generations in
/// one tick), the latest generation wins: it is the one the vendor deployed.</remarks>
internal sealed class MetricIndex
{
    private static readonly IReadOnlyList<MetricRow> None = [];
    private readonly Dictionary<(string Metric, string Vendor), List<MetricRow>> _rows = [];
    private readonly Dictionary<string, List<MetricRow>> _vendorRows = new(StringComparer.Ordinal);
    private readonly string[] _vendors;

    public MetricIndex(IReadOnlyList<MetricRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ticks = new SortedSet<int>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row);
            var vendor = row.Vendor ?? "";
            var key = (row.Metric ?? "", vendor);
            if (!_rows.TryGetValue(key, out var list))
            {
                _rows[key] = list = [];
            }

            list.Add(row);
            ticks.Add(row.Tick);
            if (vendor.Length > 0)
            {
                if (!_vendorRows.TryGetValue(vendor, out var vendorList))
                {
                    _vendorRows[vendor] = vendorList = [];
                }

                vendorList.Add(row);
            }
        }

        Ticks = [.. ticks];
        _vendors = [.. _vendorRows.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every tick that has a row, ascending.</summary>
    public IReadOnlyList<int> Ticks { get; }

    /// <summary>Non-empty vendor names, ordinal order (so colours and columns are stable across runs).</summary>
    public IReadOnlyList<string> Vendors => _vendors;

    /// <summary>Corpus-wide rows use the empty vendor name.</summary>
    public const string Corpus = "";

    public IReadOnlyList<MetricRow> Rows(string metric, string vendor) =>
        _rows.TryGetValue((metric, vendor), out var list) ? list : None;

    public bool Has(string metric, string vendor) => Rows(metric, vendor).Count > 0;

    public IReadOnlyList<string> VendorsWith(string metric) => [.. Vendors.Where(v => Has(metric, v))];

    /// <summary>Palette index of a vendor, fixed by its place among all vendors.</summary>
    public int ColorIndex(string vendor) => Math.Max(0, Array.IndexOf(_vendors, vendor));

    public VendorKind KindOf(string vendor) =>
        _vendorRows.TryGetValue(vendor, out var rows) && rows.Any(r => ReportMetrics.TheoryOnly.Contains(r.Metric))
            ? VendorKind.Theory
            : VendorKind.Text;

    public int ReplicateCount(string vendor) =>
        _vendorRows.TryGetValue(vendor, out var rows) ? rows.Select(r => r.Replicate).Distinct().Count() : 0;

    /// <summary>The replicate single-world plots show: the lowest one present (0 in practice).</summary>
    public int FirstReplicate(string metric, string vendor)
    {
        var rows = Rows(metric, vendor);
        return rows.Count == 0 ? 0 : rows.Min(r => r.Replicate);
    }

    /// <summary>Distinct non-empty labels of a metric, ordinal order.</summary>
    public IReadOnlyList<string> Labels(string metric, string vendor) =>
        [.. Rows(metric, vendor).Select(r => r.Label ?? "").Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Ticks at which a vendor has any row, ascending.</summary>
    public IReadOnlyList<int> TicksOf(string vendor) =>
        _vendorRows.TryGetValue(vendor, out var rows) ? [.. rows.Select(r => r.Tick).Distinct().Order()] : [];

    /// <summary>Generation the vendor had deployed at a tick in its first replicate; null when it had none.</summary>
    public string? GenerationAt(string vendor, int tick)
    {
        if (!_vendorRows.TryGetValue(vendor, out var rows))
        {
            return null;
        }

        var replicate = rows.Min(r => r.Replicate);
        return rows
            .Where(r => r.Tick == tick && r.Replicate == replicate && !string.IsNullOrEmpty(r.Generation))
            .Select(r => r.Generation)
            .Max(GenerationOrder.Instance);
    }

    /// <summary>One finite value per tick from the first replicate, ascending ticks.</summary>
    public IReadOnlyList<TickValue> Series(string metric, string vendor, string label = "")
    {
        var replicate = FirstReplicate(metric, vendor);
        return [.. Latest(Rows(metric, vendor).Where(r => r.Replicate == replicate && (r.Label ?? "") == label))
            .Where(r => double.IsFinite(r.Value))
            .OrderBy(r => r.Tick)
            .Select(r => new TickValue(r.Tick, r.Value))];
    }

    /// <summary>Per tick, the spread across replicates of one value per replicate (unlabelled rows only), optionally
    /// transformed first (for example squared) so the summary is of the transformed values.</summary>
    public IReadOnlyList<ReplicateSummary> AcrossReplicates(string metric, string vendor, Func<double, double>? transform = null)
    {
        var result = new List<ReplicateSummary>();
        foreach (var tick in Latest(Rows(metric, vendor).Where(r => (r.Label ?? "").Length == 0)).GroupBy(r => r.Tick).OrderBy(g => g.Key))
        {
            var values = tick.Select(r => transform is null ? r.Value : transform(r.Value));
            if (ReplicateSummary.Of(tick.Key, values) is { } summary)
            {
                result.Add(summary);
            }
        }

        return result;
    }

    /// <summary>Per tick, the share of replicates whose categorical model is absorbed in some single category.</summary>
    public IReadOnlyList<TickValue> AbsorbedShare(string vendor) =>
        [.. Latest(Rows(MetricNames.AbsorbedState, vendor))
            .Where(r => double.IsFinite(r.Value))
            .GroupBy(r => r.Tick)
            .OrderBy(g => g.Key)
            .Select(g => new TickValue(g.Key, g.Count(r => r.Value >= 0) / (double)g.Count()))];

    /// <summary>One row per tick, replicate and label: the one of the latest generation (the last such row on a tie),
    /// ordered by tick, replicate and label.</summary>
    public static IEnumerable<MetricRow> Latest(IEnumerable<MetricRow> rows)
    {
        var latest = new Dictionary<(int Tick, int Replicate, string Label), MetricRow>();
        foreach (var row in rows)
        {
            var key = (row.Tick, row.Replicate, row.Label ?? "");
            if (!latest.TryGetValue(key, out var seen) || GenerationOrder.Instance.Compare(row.Generation ?? "", seen.Generation ?? "") >= 0)
            {
                latest[key] = row;
            }
        }

        // A fixed order whatever the input order, so sums (and so pixels) do not depend on how the rows arrived.
        return latest
            .OrderBy(p => p.Key.Tick)
            .ThenBy(p => p.Key.Replicate)
            .ThenBy(p => p.Key.Label, StringComparer.Ordinal)
            .Select(p => p.Value);
    }
}
