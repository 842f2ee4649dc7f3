using System.Globalization;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Metrics;

namespace Ecosystem.Experiments.Summaries;

/// <summary>Writes a sweep's summary.csv (one row per run and vendor, wide) and aggregate.csv (one row per point, vendor
/// and figure, with the confidence interval), both readable by pandas.read_csv.</summary>
public static class SweepTables
{
    /// <summary>Writes both tables into the sweep's folder (each through a temporary file, so neither is ever half written).</summary>
    public static void Write(SweepResult result)
    {
        var axes = result.Plan.Spec.Parameters.Select(p => p.Name).ToList();
        WriteAtomically(Path.Combine(result.OutputDirectory, SweepFiles.Summary), writer =>
        {
            writer.Write(string.Join(',', ["point", .. axes, "seed", "vendor", "run", .. SummaryMetrics.All.Select(m => m.Name)]) + "\n");
            foreach (var s in result.Summaries)
            {
                writer.Write(string.Join(',', [
                    s.Run.Point.Index.ToString(CultureInfo.InvariantCulture),
                    .. s.Run.Point.Labels.Select(l => MetricsCsv.Escape(l.Value)),
                    s.Run.Seed.ToString(CultureInfo.InvariantCulture),
                    MetricsCsv.Escape(s.Vendor),
                    MetricsCsv.Escape(s.Run.FolderName),
                    .. SummaryMetrics.All.Select(m => MetricsCsv.FormatValue(s.Values[m.Name])),
                ]) + "\n");
            }
        });

        var confidence = result.Plan.Spec.Summary.Confidence.ToString("R", CultureInfo.InvariantCulture);
        WriteAtomically(Path.Combine(result.OutputDirectory, SweepFiles.Aggregate), writer =>
        {
            writer.Write(string.Join(',', ["point", .. axes, "vendor", "metric", "n", "mean", "sd", "se", "ci_low", "ci_high", "confidence", "expected", "z"]) + "\n");
            foreach (var a in result.Aggregates)
            {
                var ci = a.Interval;
                writer.Write(string.Join(',', [
                    a.Point.Index.ToString(CultureInfo.InvariantCulture),
                    .. a.Point.Labels.Select(l => MetricsCsv.Escape(l.Value)),
                    MetricsCsv.Escape(a.Vendor),
                    a.Metric,
                    ci.Count.ToString(CultureInfo.InvariantCulture),
                    MetricsCsv.FormatValue(ci.Mean),
                    MetricsCsv.FormatValue(ci.StandardDeviation),
                    MetricsCsv.FormatValue(ci.StandardError),
                    MetricsCsv.FormatValue(ci.Low),
                    MetricsCsv.FormatValue(ci.High),
                    confidence,
                    MetricsCsv.FormatValue(a.Expected),
                    MetricsCsv.FormatValue(a.Z),
                ]) + "\n");
            }
        });
    }

    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
