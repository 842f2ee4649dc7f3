using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The metric rows of one run seen from one vendor: the vendor's own rows and the corpus-wide rows, with
/// per-tick lookups averaged over the run's replicates.</summary>
public sealed class RunRows
{
    private readonly ILookup<(string Vendor, string Metric), MetricRow> _rows;

    /// <summary>Indexes <paramref name="rows"/> for <paramref name="vendor"/>.</summary>
    public RunRows(IReadOnlyList<MetricRow> rows, string vendor, IReadOnlyList<string> tailGenres)
    {
        Vendor = vendor;
        TailGenres = tailGenres;
        _rows = rows.ToLookup(r => (r.Vendor, r.Metric));
    }

    /// <summary>The vendor the summary is about.</summary>
    public string Vendor { get; }

    /// <summary>Genres followed as the tail.</summary>
    public IReadOnlyList<string> TailGenres { get; }

    /// <summary>The vendor's unlabelled series of <paramref name="metric"/>: (tick, mean over replicates), by tick.</summary>
    public IReadOnlyList<(int Tick, double Value)> VendorSeries(string metric) => Series(Vendor, metric, label: "");

    /// <summary>The corpus-wide unlabelled series of <paramref name="metric"/>.</summary>
    public IReadOnlyList<(int Tick, double Value)> CorpusSeries(string metric) => Series("", metric, label: "");

    /// <summary>The labels the vendor's rows of <paramref name="metric"/> carry (e.g. the genres), ordinally sorted.</summary>
    public IReadOnlyList<string> VendorLabels(string metric) =>
        _rows[(Vendor, metric)].Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The vendor's series of <paramref name="metric"/> for one label.</summary>
    public IReadOnlyList<(int Tick, double Value)> VendorSeries(string metric, string label) => Series(Vendor, metric, label);

    private IReadOnlyList<(int Tick, double Value)> Series(string vendor, string metric, string label) =>
        _rows[(vendor, metric)]
            .Where(r => r.Label == label && double.IsFinite(r.Value))
            .GroupBy(r => r.Tick)
            .Select(g => (Tick: g.Key, Value: g.Average(r => r.Value)))
            .OrderBy(p => p.Tick)
            .ToList();
}
