using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>How much of the web corpus is synthetic over ticks, with each vendor's training-set share beside it.</summary>
internal static class SyntheticSharePlot
{
    public static void Write(MetricIndex index, PlotOutput output)
    {
        var corpus = new (string Metric, string Legend, Color Color, LinePattern Pattern)[]
        {
            (MetricNames.SyntheticShareDocuments, "corpus, documents (cumulative)", Colors.Black, LinePattern.Solid),
            (MetricNames.SyntheticShareTokens, "corpus, tokens (cumulative)", Colors.Gray, LinePattern.Solid),
            (MetricNames.PublishedSyntheticShare, "published this tick", Colors.Black, LinePattern.Dotted),
            (MetricNames.DetectedSyntheticShareDocuments, "corpus, flagged by the watermark detector", Colors.Black, LinePattern.DenselyDashed),
        };
        var present = corpus.Where(c => index.Has(c.Metric, MetricIndex.Corpus)).ToList();
        var vendors = index.VendorsWith(MetricNames.TrainingSyntheticShare);
        if (present.Count == 0 && vendors.Count == 0)
        {
            return;
        }

        using var plot = Figure.Create("Synthetic share of the web corpus", Figure.TickAxisLabel, "synthetic share");
        foreach (var (metric, legend, color, pattern) in present)
        {
            Figure.Line(plot, index.Series(metric, MetricIndex.Corpus), color, legend, 2.5f, pattern);
        }

        foreach (var vendor in vendors)
        {
            Figure.Line(plot, index.Series(MetricNames.TrainingSyntheticShare, vendor), Figure.ColorOf(index.ColorIndex(vendor)),
                vendor + " training set", 2, LinePattern.Dashed);
        }

        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.PercentAxis(plot);
        Figure.Legend(plot);
        output.Save(plot, "synthetic_share");
    }
}
