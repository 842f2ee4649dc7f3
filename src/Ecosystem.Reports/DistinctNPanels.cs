using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>distinct-1 to distinct-4 side by side (2×2): collapse shows first in the higher orders, as repeated phrases.</summary>
internal static class DistinctNPanels
{
    public const string CorpusLegend = "web corpus (published this tick)";

    public static void Write(MetricIndex index, PlotOutput output)
    {
        var orders = Enumerable.Range(1, 4)
            .Where(n => index.VendorsWith(MetricNames.Distinct(n)).Count > 0 || index.Has(MetricNames.Distinct(n), MetricIndex.Corpus))
            .ToList();
        if (orders.Count == 0)
        {
            return;
        }

        var multiplot = new Multiplot();
        multiplot.Reset(Panel(index, orders[0], legend: true));
        foreach (var n in orders.Skip(1))
        {
            multiplot.AddPlot(Panel(index, n, legend: false));
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(orders.Count > 2 ? 2 : 1, 2);
        try
        {
            output.Save(multiplot, "distinct_n", 1200, orders.Count > 2 ? 860 : 460);
        }
        finally
        {
            foreach (var plot in multiplot.GetPlots())
            {
                plot.Dispose();
            }
        }
    }

    private static Plot Panel(MetricIndex index, int n, bool legend)
    {
        var metric = MetricNames.Distinct(n);
        var plot = Figure.Create($"distinct-{n}: unique {n}-grams / all {n}-grams", Figure.TickAxisLabel, $"distinct-{n}");
        VendorSeriesPlot.Draw(index, plot, metric, CorpusLegend);
        Figure.IntegerTicks(plot.Axes.Bottom);
        // One legend for the four panels: the lines are the same vendors in every one.
        if (legend)
        {
            plot.ShowLegend(Alignment.LowerLeft);
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }
}
