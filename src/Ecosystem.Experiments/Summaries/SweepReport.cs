using System.Globalization;
using System.Net;
using System.Text;
using Ecosystem.Abstractions.Metrics;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Reports;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The sweep's report.html: the table of summaries with confidence intervals, a plot per summary figure
/// comparing the points, and mean trajectories with confidence bands for the figures people follow over time.</summary>
public static class SweepReport
{
    private static readonly (string Metric, string Title, bool Percent)[] VendorTrajectories =
    [
        (MetricNames.HeldoutPerplexity, "Held-out perplexity", false),
        (MetricNames.Distinct2, "Distinct-2 of the model's output", false),
        (MetricNames.TrainingSyntheticShare, "Synthetic share of the training set", true),
    ];

    /// <summary>Writes report.html and its plots into the sweep's folder.</summary>
    public static void Write(SweepResult result)
    {
        var plots = Path.Combine(result.OutputDirectory, SweepFiles.Plots);
        Directory.CreateDirectory(plots);
        var spec = result.Plan.Spec;
        var points = result.Plan.Points;
        var vendors = result.Summaries.Select(s => s.Vendor).Distinct().ToList();
        var confidence = spec.Summary.Confidence;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(spec.Name)}: sweep report</title>")
            .Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
            .Append("table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
            .Append("th{background:#f3f3f3}td.l,th.l{text-align:left}img{max-width:100%}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Sweep <code>{Encode(spec.Name)}</code></h1>\n");
        if (!string.IsNullOrWhiteSpace(spec.Description))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(spec.Description)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<p>Base scenario <code>{Encode(spec.Scenario)}</code>; {points.Count} point(s) × {spec.Seeds.Count} seed(s) " +
            $"(from {spec.Seeds.First}) = {result.Plan.Runs.Count} runs. Intervals are {confidence:P0} Student-t intervals of the mean across seeds. " +
            $"Tables: <a href=\"{SweepFiles.Summary}\">{SweepFiles.Summary}</a> (per run), <a href=\"{SweepFiles.Aggregate}\">{SweepFiles.Aggregate}</a> (per point).</p>\n");

        AppendTable(html, result, vendors);

        html.Append("<h2>Summary figures by point</h2>\n");
        // Values only on the axis, the axis names once in its label: "0% / 20%" under "adoption / paraphrase".
        var categories = points.Select(p => string.Join(" / ", p.Labels.Select(l => l.Value))).ToList();
        var axisLabel = string.Join(" / ", spec.Parameters.Select(p => p.Name));
        foreach (var metric in SummaryMetrics.All)
        {
            var series = vendors.Select(v => new IntervalSeries(v,
                [.. points.Select(p => Find(result, p, v, metric.Name).Mean)],
                [.. points.Select(p => HalfWidth(Find(result, p, v, metric.Name)))])).ToList();
            var file = $"summary_{metric.Name}.png";
            // One closed-form line; with several vendors, the first vendor that has one (their points sit side by side).
            var theory = vendors.Select(v => points.Select(p => FindAggregate(result, p, v, metric.Name)?.Expected ?? double.NaN).ToList())
                .FirstOrDefault(t => t.Any(double.IsFinite));
            if (ComparisonPlots.WriteIntervals(Path.Combine(plots, file), metric.Name.Replace('_', ' '), axisLabel, metric.Name, categories, series,
                    percent: metric.Name.EndsWith("share", StringComparison.Ordinal), theory: theory))
            {
                AppendFigure(html, file, metric.Description + (metric.HigherIsWorse ? " (higher is worse)." : " (higher is better).")
                    + (theory is null ? "" : " Dashed: the closed form."));
            }
        }

        html.Append("<h2>Trajectories (mean across seeds, with bands)</h2>\n");
        var corpus = points.Select(p => Band(result, p, "", MetricNames.SyntheticShareDocuments, confidence)).ToList();
        if (ComparisonPlots.WriteTrajectories(Path.Combine(plots, "corpus_synthetic_share.png"), "Synthetic share of the corpus", "synthetic share", corpus, percent: true))
        {
            AppendFigure(html, "corpus_synthetic_share.png", "Share of the corpus's documents that are synthetic, per point.");
        }

        foreach (var vendor in vendors)
        {
            foreach (var (metric, title, percent) in VendorTrajectories)
            {
                var series = points.Select(p => Band(result, p, vendor, metric, confidence)).ToList();
                var file = $"{Slug(vendor)}_{metric}.png";
                if (ComparisonPlots.WriteTrajectories(Path.Combine(plots, file), $"{title}: {vendor}", title.ToLowerInvariant(), series, percent))
                {
                    AppendFigure(html, file, $"{title} of vendor {vendor}, per point.");
                }
            }
        }

        html.Append("</body></html>\n");
        var path = Path.Combine(result.OutputDirectory, SweepFiles.Report);
        File.WriteAllText(path + ".tmp", html.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static void AppendTable(StringBuilder html, SweepResult result, IReadOnlyList<string> vendors)
    {
        var axes = result.Plan.Spec.Parameters.Select(p => p.Name).ToList();
        html.Append("<h2>Summary (mean [interval] across seeds)</h2>\n<table><tr>");
        foreach (var axis in axes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"l\">{Encode(axis)}</th>");
        }

        html.Append("<th class=\"l\">vendor</th>");
        foreach (var metric in SummaryMetrics.All)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{Encode(metric.Description)}\">{Encode(metric.Name)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var point in result.Plan.Points)
        {
            foreach (var vendor in vendors)
            {
                html.Append("<tr>");
                foreach (var label in point.Labels)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"l\">{Encode(label.Value)}</td>");
                }

                html.Append(CultureInfo.InvariantCulture, $"<td class=\"l\">{Encode(vendor)}</td>");
                foreach (var metric in SummaryMetrics.All)
                {
                    var aggregate = FindAggregate(result, point, vendor, metric.Name);
                    var ci = aggregate?.Interval ?? new ConfidenceInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
                    var cell = double.IsFinite(ci.Mean)
                        ? Number(ci.Mean) + (double.IsFinite(ci.Low) ? $" [{Number(ci.Low)}, {Number(ci.High)}]" : "")
                        : "–";
                    if (aggregate is { Expected: var expected } && double.IsFinite(expected))
                    {
                        cell += $"; theory {Number(expected)}" + (double.IsFinite(aggregate.Z) ? string.Create(CultureInfo.InvariantCulture, $", z {aggregate.Z:F1}") : "");
                    }
                    html.Append(CultureInfo.InvariantCulture, $"<td>{cell}</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static BandSeries Band(SweepResult result, SweepPoint point, string vendor, string metric, double confidence)
    {
        // One value per seed and tick: each run's own trajectory (averaged over its replicates).
        var perRun = result.Plan.Runs
            .Select((run, i) => (run, i))
            .Where(x => x.run.Point.Index == point.Index)
            .Select(x => new RunRows(result.Rows[x.i], vendor, []))
            .Select(rows => vendor.Length == 0 ? rows.CorpusSeries(metric) : rows.VendorSeries(metric))
            .ToList();
        var ticks = perRun.SelectMany(s => s.Select(p => p.Tick)).Distinct().Order().ToList();
        var intervals = ticks.Select(t => ConfidenceInterval.Of(perRun.SelectMany(s => s.Where(p => p.Tick == t).Select(p => p.Value)), confidence)).ToList();
        return new BandSeries(point.Label, [.. ticks.Select(t => (double)t)], [.. intervals.Select(c => c.Mean)],
            [.. intervals.Select(c => double.IsFinite(c.Low) ? c.Low : c.Mean)],
            [.. intervals.Select(c => double.IsFinite(c.High) ? c.High : c.Mean)]);
    }

    private static ConfidenceInterval Find(SweepResult result, SweepPoint point, string vendor, string metric) =>
        FindAggregate(result, point, vendor, metric)?.Interval ?? new ConfidenceInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);

    private static PointAggregate? FindAggregate(SweepResult result, SweepPoint point, string vendor, string metric) =>
        result.Aggregates.FirstOrDefault(a => a.Point.Index == point.Index && a.Vendor == vendor && a.Metric == metric);

    private static double HalfWidth(ConfidenceInterval ci) => double.IsFinite(ci.High) ? (ci.High - ci.Mean) : double.NaN;

    private static void AppendFigure(StringBuilder html, string file, string caption) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<figure><img src=\"{SweepFiles.Plots}/{Encode(file)}\" alt=\"{Encode(caption)}\"><figcaption>{Encode(caption)}</figcaption></figure>\n");

    private static string Number(double value) => Math.Abs(value) >= 100
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Slug(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
