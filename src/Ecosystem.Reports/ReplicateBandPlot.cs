using System.Globalization;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>A theory metric over generations across many independent replicates: mean, median and the 10–90% band per
/// vendor. Both centres are drawn because they part ways under collapse: for a refitted gaussian the mean variance can
/// stay near the start while the median, the typical world, goes to zero (Shumailov et al. 2024, Alemohammad et al.).</summary>
/// <param name="Metric">Metric read (unlabelled rows only; per-component mixture rows are left out).</param>
/// <param name="FileName">File name without extension.</param>
/// <param name="Title">Plot title; the replicate count is appended.</param>
/// <param name="YLabel">Y-axis label.</param>
/// <param name="Transform">Applied to each replicate's value before summarising (for example squaring an error).</param>
/// <param name="StartReference">Draw the first tick's mean as a dotted reference line (where no drift is the ideal).</param>
internal sealed record ReplicateBandPlot(
    string Metric, string FileName, string Title, string YLabel, Func<double, double>? Transform = null, bool StartReference = false)
{
    public void Write(MetricIndex index, PlotOutput output)
    {
        var vendors = index.VendorsWith(Metric)
            .Select(v => (Vendor: v, Points: index.AcrossReplicates(Metric, v, Transform)))
            .Where(v => v.Points.Count > 0)
            .ToList();
        if (vendors.Count == 0)
        {
            return;
        }

        var replicates = vendors.Max(v => v.Points.Max(p => p.Count));
        using var plot = Figure.Create(
            $"{Title} ({replicates.ToString(CultureInfo.InvariantCulture)} replicate{(replicates == 1 ? "" : "s")})",
            Figure.TickAxisLabel, YLabel);

        // Bands first, so every line is drawn over every band.
        foreach (var (vendor, points) in vendors)
        {
            var xs = points.Select(p => (double)p.Tick).ToArray();
            Figure.Band(plot, xs, [.. points.Select(p => p.P10)], [.. points.Select(p => p.P90)],
                Figure.ColorOf(index.ColorIndex(vendor)), vendor + " 10–90%");
        }

        foreach (var (vendor, points) in vendors)
        {
            var xs = points.Select(p => (double)p.Tick).ToArray();
            var color = Figure.ColorOf(index.ColorIndex(vendor));
            Figure.Line(plot, xs, [.. points.Select(p => p.Mean)], color, vendor + " mean", 2.5f);
            Figure.Line(plot, xs, [.. points.Select(p => p.Median)], color, vendor + " median", 2, LinePattern.Dashed, marker: 0);
        }

        if (StartReference)
        {
            var start = vendors.Select(v => v.Points[0].Mean).Average();
            var line = plot.Add.HorizontalLine(start, 1.5f, Colors.Gray, LinePattern.Dotted);
            line.LegendText = "first tick's mean";
        }

        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.Legend(plot);
        output.Save(plot, FileName);
    }
}
