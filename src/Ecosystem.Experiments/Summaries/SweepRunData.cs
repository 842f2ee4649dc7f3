using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Experiments.Summaries;

/// <summary>What one finished run adds to its sweep's figures: its summary per vendor, and the series of every
/// <see cref="SweepTrajectory"/> (each tick's value averaged over the run's replicates), so the run's rows need not be kept.</summary>
/// <param name="Run">The run.</param>
/// <param name="Summaries">Its summary per vendor, in the scenario's vendor order.</param>
/// <param name="Series">(tick, value) by tick, per (vendor, metric); the corpus-wide series under the vendor "".</param>
public sealed record SweepRunData(
    PlannedRun Run,
    IReadOnlyList<RunSummary> Summaries,
    IReadOnlyDictionary<(string Vendor, string Metric), IReadOnlyList<(int Tick, double Value)>> Series)
{
    /// <summary>Reduces a finished run's rows to what the sweep's figures need.</summary>
    public static SweepRunData Of(PlannedRun run, IReadOnlyList<MetricRow> rows, IReadOnlyList<string> tailGenres)
    {
        var series = new Dictionary<(string Vendor, string Metric), IReadOnlyList<(int Tick, double Value)>>
        {
            [("", SweepTrajectory.Corpus.Metric)] = new RunRows(rows, "", []).CorpusSeries(SweepTrajectory.Corpus.Metric),
        };
        foreach (var vendor in run.Scenario.Vendors)
        {
            var vendorRows = new RunRows(rows, vendor.Name, []);
            foreach (var trajectory in SweepTrajectory.PerVendor)
            {
                series[(vendor.Name, trajectory.Metric)] = vendorRows.VendorSeries(trajectory.Metric);
            }
        }

        return new SweepRunData(run, RunSummary.Of(run, rows, tailGenres), series);
    }

    /// <summary>The run's series of <paramref name="metric"/> for <paramref name="vendor"/> ("" for the corpus); empty when it has none.</summary>
    public IReadOnlyList<(int Tick, double Value)> SeriesOf(string vendor, string metric) => Series.GetValueOrDefault((vendor, metric)) ?? [];
}
