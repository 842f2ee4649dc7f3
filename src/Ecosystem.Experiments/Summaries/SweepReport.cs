using System.Globalization;
using System.Net;
using System.Text;
using Ecosystem.Experiments.Sweeps;
using Ecosystem.Reports;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The sweep's report.html: the table of summaries with confidence intervals, a plot per summary figure
/// comparing the points, and mean trajectories with confidence bands for the figures people follow over time.</summary>
public static class SweepReport
{
    /// <summary>Writes report.html and its plots into the sweep's folder.</summary>
    public static void Write(SweepResult result)
    {
        var plots = Path.Combine(result.OutputDirectory, SweepFiles.Plots);
        Directory.CreateDirectory(plots);
        var spec = result.Plan.Spec;
        var points = result.Plan.Points;
        var figures = SweepFigures.Of(result);
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

        AppendTable(html, result, figures);

        html.Append("<h2>Summary figures by point</h2>\n");
        var categories = figures.Points.Select(p => p.Category).ToList();
        foreach (var figure in figures.Summaries)
        {
            var series = figure.Series.Select(s => new IntervalSeries(s.Vendor,
                [.. s.Points.Select(p => p.Mean)],
                [.. s.Points.Select(p => p.HalfWidth)])).ToList();
            var file = $"summary_{figure.Metric}.png";
            if (ComparisonPlots.WriteIntervals(Path.Combine(plots, file), figure.Title, figures.AxisLabel, figure.Metric, categories, series,
                    percent: figure.Percent, theory: figure.Theory))
            {
                AppendFigure(html, file, figure.Description + (figure.HigherIsWorse ? " (higher is worse)." : " (higher is better).")
                    + (figure.Theory is null ? "" : " Dashed: the closed form."));
            }
        }

        html.Append("<h2>Trajectories (mean across seeds, with bands)</h2>\n");
        foreach (var figure in figures.Trajectories)
        {
            var series = figure.Bands.Select(b => new BandSeries(b.Name, [.. b.Ticks.Select(t => (double)t)], b.Means, b.Lows, b.Highs)).ToList();
            var file = figure.Vendor.Length == 0 ? "corpus_synthetic_share.png" : $"{Slug(figure.Vendor)}_{figure.Metric}.png";
            if (ComparisonPlots.WriteTrajectories(Path.Combine(plots, file), figure.Title, figure.YLabel, series, figure.Percent))
            {
                AppendFigure(html, file, figure.Caption);
            }
        }

        html.Append("</body></html>\n");
        var path = Path.Combine(result.OutputDirectory, SweepFiles.Report);
        File.WriteAllText(path + ".tmp", html.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static void AppendTable(StringBuilder html, SweepResult result, SweepFigures figures)
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
            foreach (var vendor in figures.Vendors)
            {
                html.Append("<tr>");
                foreach (var label in point.Labels)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"l\">{Encode(label.Value)}</td>");
                }

                html.Append(CultureInfo.InvariantCulture, $"<td class=\"l\">{Encode(vendor)}</td>");
                foreach (var metric in SummaryMetrics.All)
                {
                    var interval = figures.Interval(metric.Name, vendor, point.Index);
                    var cell = double.IsFinite(interval.Mean)
                        ? Number(interval.Mean) + (double.IsFinite(interval.Low) ? $" [{Number(interval.Low)}, {Number(interval.High)}]" : "")
                        : "–";
                    if (double.IsFinite(interval.Expected))
                    {
                        cell += $"; theory {Number(interval.Expected)}" + (double.IsFinite(interval.Z) ? string.Create(CultureInfo.InvariantCulture, $", z {interval.Z:F1}") : "");
                    }
                    html.Append(CultureInfo.InvariantCulture, $"<td>{cell}</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void AppendFigure(StringBuilder html, string file, string caption) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<figure><img src=\"{SweepFiles.Plots}/{Encode(file)}\" alt=\"{Encode(caption)}\"><figcaption>{Encode(caption)}</figcaption></figure>\n");

    private static string Number(double value) => Math.Abs(value) >= 100
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Slug(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
