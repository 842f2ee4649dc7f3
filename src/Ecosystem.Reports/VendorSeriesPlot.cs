using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>One metric over ticks, one line per vendor, optionally with the corpus-wide value as a reference line.</summary>
internal sealed record VendorSeriesPlot(string Metric, string FileName, string Title, string YLabel, string? CorpusLegend = null)
{
    public void Write(MetricIndex index, PlotOutput output)
    {
        if (!Has(index))
        {
            return;
        }

        using var plot = Figure.Create(Title, Figure.TickAxisLabel, YLabel);
        Draw(index, plot, Metric, CorpusLegend);
        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.Legend(plot);
        output.Save(plot, FileName);
    }

    public bool Has(MetricIndex index) =>
        index.VendorsWith(Metric).Count > 0 || (CorpusLegend is not null && index.Has(Metric, MetricIndex.Corpus));

    /// <summary>Draws the vendor lines (and the corpus line) of a metric into an existing plot.</summary>
    public static void Draw(MetricIndex index, Plot plot, string metric, string? corpusLegend)
    {
        foreach (var vendor in index.VendorsWith(metric))
        {
            Figure.Line(plot, index.Series(metric, vendor), Figure.ColorOf(index.ColorIndex(vendor)), vendor);
        }

        if (corpusLegend is not null && index.Has(metric, MetricIndex.Corpus))
        {
            Figure.Line(plot, index.Series(metric, MetricIndex.Corpus), Colors.Black, corpusLegend, 2, LinePattern.Dashed);
        }
    }
}
