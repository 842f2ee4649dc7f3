using System.Globalization;
using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>The who-trained-on-whom matrix: for each vendor's latest generation (rows), the share of its training set
/// that came from human text and from each vendor's output (columns), from the documents' provenance.</summary>
internal static class TrainingSourceMatrixPlot
{
    public static void Write(MetricIndex index, PlotOutput output)
    {
        var trainees = index.VendorsWith(MetricNames.TrainingSourceShare);
        if (trainees.Count == 0)
        {
            return;
        }

        var latest = trainees.ToDictionary(v => v, v =>
        {
            var rows = index.Rows(MetricNames.TrainingSourceShare, v);
            var replicate = index.FirstReplicate(MetricNames.TrainingSourceShare, v);
            var tick = rows.Where(r => r.Replicate == replicate).Max(r => r.Tick);
            return (Tick: tick, Shares: rows.Where(r => r.Replicate == replicate && r.Tick == tick).ToDictionary(r => r.Label, r => r.Value, StringComparer.Ordinal));
        });
        var sources = latest.Values.SelectMany(l => l.Shares.Keys).Distinct()
            .OrderBy(s => s == "human" ? -1 : Math.Max(0, index.ColorIndex(s)))
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();

        var values = new double[trainees.Count, sources.Count];
        for (var r = 0; r < trainees.Count; r++)
        {
            for (var c = 0; c < sources.Count; c++)
            {
                values[r, c] = latest[trainees[r]].Shares.GetValueOrDefault(sources[c]);
            }
        }

        using var plot = Figure.Create("Who trained on whom: sources of each vendor's latest training set", "data source", "trained vendor (tick)");
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (var r = 0; r < trainees.Count; r++)
        {
            for (var c = 0; c < sources.Count; c++)
            {
                // Heatmap rows are drawn top to bottom, so row r sits at y = rows - 1 - r.
                var text = plot.Add.Text(NumberFormat.Percent(values[r, c]), c, trainees.Count - 1 - r);
                text.LabelFontSize = 16;
                text.LabelFontColor = values[r, c] > 0.6 ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, sources.Count).Select(c => (double)c)], [.. sources]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, trainees.Count).Select(r => (double)(trainees.Count - 1 - r))],
            [.. trainees.Select(v => $"{v} ({latest[v].Tick.ToString(CultureInfo.InvariantCulture)})")]);
        plot.Add.ColorBar(heatmap);
        output.Save(plot, "who_trained_on_whom");
    }
}
