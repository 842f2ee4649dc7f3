using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Plots that compare policies across a sweep: a figure's mean and confidence interval at every grid point,
/// and mean trajectories over ticks with confidence bands.</summary>
public static class ComparisonPlots
{
    /// <summary>Writes a PNG of each series' mean ± half-width at every category (categories on the x axis, series
    /// side by side within a category); returns false, writing nothing, when no series has a finite mean.</summary>
    public static bool WriteIntervals(string path, string title, string xLabel, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<IntervalSeries> series, bool percent = false, IReadOnlyList<double>? theory = null)
    {
        if (!series.Any(s => s.Means.Any(double.IsFinite)))
        {
            return false;
        }

        using var plot = Figure.Create(title, xLabel, yLabel);
        if (theory is not null && theory.Any(double.IsFinite))
        {
            // The closed form is drawn first, as a line under the simulated points it is to be compared with.
            var at = Enumerable.Range(0, categories.Count).Where(c => double.IsFinite(theory[c])).ToArray();
            var line = plot.Add.ScatterLine(at.Select(c => (double)c).ToArray(), at.Select(c => theory[c]).ToArray(), Colors.Black);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.LegendText = "closed form";
        }

        var width = 0.6 / Math.Max(1, series.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var offset = (s - ((series.Count - 1) / 2.0)) * width;
            var points = Enumerable.Range(0, categories.Count).Where(c => double.IsFinite(series[s].Means[c])).ToArray();
            var xs = points.Select(c => c + offset).ToArray();
            var ys = points.Select(c => series[s].Means[c]).ToArray();
            var errors = points.Select(c => double.IsFinite(series[s].HalfWidths[c]) ? series[s].HalfWidths[c] : 0).ToArray();
            var color = Figure.ColorOf(s);
            var markers = plot.Add.ScatterPoints(xs, ys, color);
            markers.MarkerSize = 9;
            markers.LegendText = series[s].Name;
            var bars = plot.Add.ErrorBar(xs, ys, errors);
            bars.Color = color;
            bars.LineWidth = 2;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, categories.Count).Select(c => (double)c)], [.. categories]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = categories.Count > 8 ? 10 : 13;
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        if (percent)
        {
            Figure.PercentAxis(plot);
        }

        Figure.Legend(plot);
        plot.SavePng(path, Figure.Width, Figure.Height);
        return true;
    }

    /// <summary>Writes a PNG of mean trajectories with their bands; returns false, writing nothing, when there are none.</summary>
    public static bool WriteTrajectories(string path, string title, string yLabel, IReadOnlyList<BandSeries> series, bool percent = false)
    {
        var drawn = series.Where(s => s.Ticks.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            return false;
        }

        using var plot = Figure.Create(title, Figure.TickAxisLabel, yLabel);
        for (var s = 0; s < drawn.Count; s++)
        {
            var xs = drawn[s].Ticks.ToArray();
            Figure.Band(plot, xs, [.. drawn[s].Lows], [.. drawn[s].Highs], Figure.ColorOf(s), "");
        }

        for (var s = 0; s < drawn.Count; s++)
        {
            Figure.Line(plot, [.. drawn[s].Ticks], [.. drawn[s].Means], Figure.ColorOf(s), drawn[s].Name);
        }

        Figure.IntegerTicks(plot.Axes.Bottom);
        if (percent)
        {
            Figure.PercentAxis(plot);
        }

        Figure.Legend(plot);
        plot.SavePng(path, Figure.Width, Figure.Height);
        return true;
    }
}
