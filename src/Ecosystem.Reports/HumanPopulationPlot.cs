using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>The living human population: active authors, documents people published per tick, and how many of those a
/// deployed model helped write.</summary>
internal static class HumanPopulationPlot
{
    public static void Write(MetricIndex index, PlotOutput output)
    {
        if (!index.Has(MetricNames.HumanDocumentsPublished, MetricIndex.Corpus))
        {
            return;
        }

        var published = index.Series(MetricNames.HumanDocumentsPublished, MetricIndex.Corpus);
        var assisted = index.Series(MetricNames.AssistedShare, MetricIndex.Corpus).ToDictionary(p => p.Tick, p => p.Value);
        var authors = index.Series(MetricNames.AuthorsActive, MetricIndex.Corpus);

        // The first tick carries the pre-AI archive; the scale of the later ticks is what shows displacement.
        var later = published.Where(p => p.Tick > published[0].Tick).ToList();
        using var plot = Figure.Create("Human population: who still writes, and with whose help", Figure.TickAxisLabel, "documents per tick");
        Figure.Line(plot, later, Colors.Black, "published by people (archive tick left out)", 2.5f);
        Figure.Line(plot, [.. later.Select(p => new TickValue(p.Tick, p.Value * assisted.GetValueOrDefault(p.Tick)))],
            Figure.ColorOf(1), "of which a model helped write", 2, LinePattern.Dashed);
        Figure.Line(plot, authors, Figure.ColorOf(2), "active authors", 2, LinePattern.Dotted);
        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.Legend(plot);
        output.Save(plot, "human_population");
    }
}
