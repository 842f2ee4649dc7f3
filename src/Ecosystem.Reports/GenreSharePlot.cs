using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Genre shares over ticks, one line per genre, for each vendor's output and for the corpus; the minority
/// genres (science fiction, humour) are drawn bold because their disappearance is the first sign of collapse.</summary>
internal static class GenreSharePlot
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category20();

    /// <summary>Strong colours of their own, so the highlighted genres never come out in a pale palette shade.</summary>
    private static readonly Color[] MinorityColors = [Colors.Crimson, Colors.DarkViolet];

    public static void Write(MetricIndex index, PlotOutput output)
    {
        foreach (var vendor in index.VendorsWith(MetricNames.GenreShare))
        {
            WriteOne(index, vendor, $"{vendor}: genres of its output", "genre_shares_" + Figure.Slug(vendor), output);
        }

        if (index.Has(MetricNames.GenreShare, MetricIndex.Corpus))
        {
            WriteOne(index, MetricIndex.Corpus, "Genres of the web corpus (cumulative)", "genre_shares_corpus", output);
        }
    }

    private static void WriteOne(MetricIndex index, string vendor, string title, string fileName, PlotOutput output)
    {
        var genres = index.Labels(MetricNames.GenreShare, vendor).ToList();
        if (genres.Count == 0)
        {
            return;
        }

        var ticks = genres.SelectMany(g => index.Series(MetricNames.GenreShare, vendor, g).Select(p => p.Tick))
            .Distinct().Order().ToArray();
        using var plot = Figure.Create(title, Figure.TickAxisLabel, "share of documents");

        // Minority genres last, so they are drawn on top of the others.
        var ordered = genres.OrderBy(g => ReportMetrics.MinorityGenres.Contains(g)).ThenBy(g => g, StringComparer.Ordinal);
        foreach (var genre in ordered)
        {
            // A genre missing at a tick had no documents then; its share is zero, not unknown.
            var values = index.Series(MetricNames.GenreShare, vendor, genre).ToDictionary(p => p.Tick, p => p.Value);
            var ys = ticks.Select(t => values.GetValueOrDefault(t)).ToArray();
            var xs = ticks.Select(t => (double)t).ToArray();
            var minority = Array.IndexOf(ReportMetrics.MinorityGenres, genre);
            if (minority >= 0)
            {
                Figure.Line(plot, xs, ys, MinorityColors[minority], genre + " (minority)", 4, marker: 7);
            }
            else
            {
                Figure.Line(plot, xs, ys, Palette.GetColor(genres.IndexOf(genre)).WithAlpha(0.55), genre, 1.5f, marker: 3);
            }
        }

        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.Legend(plot);
        output.Save(plot, fileName);
    }
}
