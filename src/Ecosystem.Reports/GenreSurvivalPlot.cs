using System.Globalization;
using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Per vendor with several worlds, the share of worlds in which each genre still appears in the vendor's
/// output, over ticks: where a genre's count drifts, the small genres are the first to reach zero.</summary>
internal static class GenreSurvivalPlot
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category20();
    private static readonly Color[] MinorityColors = [Colors.Crimson, Colors.DarkViolet];

    public static void Write(MetricIndex index, PlotOutput output)
    {
        foreach (var vendor in index.VendorsWith(MetricNames.GenreShare))
        {
            var rows = MetricIndex.Latest(index.Rows(MetricNames.GenreShare, vendor)).Where(r => double.IsFinite(r.Value)).ToList();
            var worlds = rows.Select(r => r.Replicate).Distinct().Count();
            if (worlds < 2)
            {
                continue;
            }

            var genres = index.Labels(MetricNames.GenreShare, vendor).ToList();
            var byTick = rows.GroupBy(r => r.Tick).OrderBy(g => g.Key).ToList();
            var xs = byTick.Select(g => (double)g.Key).ToArray();
            using var plot = Figure.Create(
                $"{vendor}: worlds whose output still has the genre ({worlds.ToString(CultureInfo.InvariantCulture)} worlds)",
                Figure.TickAxisLabel, "share of worlds");
            foreach (var genre in genres.OrderBy(g => ReportMetrics.MinorityGenres.Contains(g)).ThenBy(g => g, StringComparer.Ordinal))
            {
                // A world with no row for the genre at a tick wrote none of it.
                var ys = byTick.Select(g => g.Count(r => r.Label == genre && r.Value > 0) / (double)worlds).ToArray();
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
            Figure.PercentAxis(plot);
            Figure.Legend(plot);
            output.Save(plot, "genre_survival_" + Figure.Slug(vendor));
        }
    }
}
