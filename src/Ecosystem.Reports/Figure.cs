using ScottPlot;
using ScottPlot.TickGenerators;

namespace Ecosystem.Reports;

/// <summary>The shared look of every report plot: size, fonts, palette, axes, legend, and saving.</summary>
internal static class Figure
{
    public const int Width = 900;
    public const int Height = 540;
    public const string TickAxisLabel = "tick (generation)";

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>A sans-serif family from the first installed candidate; ScottPlot would otherwise take the system's default
    /// typeface, a serif one on many Linux boxes. Null keeps ScottPlot's choice.</summary>
    private static readonly string? FontFamily = FirstInstalled("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans");

    /// <summary>A palette colour; vendors keep theirs across plots because the index is their place among all vendors.</summary>
    public static Color ColorOf(int index) => Palette.GetColor(index);

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (FontFamily is not null)
        {
            plot.Font.Set(FontFamily);
        }

        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        return plot;
    }

    /// <summary>Whole-number tick labels only: fractional ticks mean nothing on a tick axis.</summary>
    public static void IntegerTicks(IAxis axis) => axis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Shows values in [0, 1] as percentages on a fixed 0–100% axis, so shares of different plots compare at a glance.</summary>
    public static void PercentAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => NumberFormat.Percent(v) };
        plot.Axes.SetLimitsY(-0.02, 1.02);
    }

    /// <summary>A line with small markers, so a series of a single tick is still visible.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, string legend,
        float width = 2, LinePattern? pattern = null, float marker = 4)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = legend;
        line.LineWidth = width;
        line.LinePattern = pattern ?? LinePattern.Solid;
        line.MarkerSize = marker;
        return line;
    }

    public static ScottPlot.Plottables.Scatter Line(Plot plot, IReadOnlyList<TickValue> series, Color color, string legend,
        float width = 2, LinePattern? pattern = null, float marker = 4) =>
        Line(plot, [.. series.Select(p => (double)p.Tick)], [.. series.Select(p => p.Value)], color, legend, width, pattern, marker);

    /// <summary>A translucent band between two curves, drawn beneath the lines added after it.</summary>
    public static void Band(Plot plot, double[] xs, double[] lower, double[] upper, Color color, string legend)
    {
        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = color.WithAlpha(0.18);
        band.LineWidth = 0;
        band.LegendText = legend;
    }

    /// <summary>The legend sits outside the data area on the right, so it never hides a line.</summary>
    public static void Legend(Plot plot) => plot.ShowLegend(Edge.Right);

    private static string? FirstInstalled(params string[] families)
    {
        var installed = SkiaSharp.SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return families.FirstOrDefault(installed.Contains);
    }

    /// <summary>A file-name-safe form of a vendor or genre name (letters, digits, '-' and '_' kept).</summary>
    public static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }
}
