using Ecosystem.Abstractions.Metrics;
using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Ecosystem.Reports;

/// <summary>Per vendor, the distribution of per-document perplexity of generated text under generation 0, for the first,
/// a middle and the last generation, as lines over log-scale bins (Shumailov et al. 2024, Fig. 1b): collapse shows as
/// mass moving to low perplexity (the model repeats what generation 0 found likely) plus a thin tail of errors.</summary>
internal static class PerplexityHistogramPlot
{
    public static void Write(MetricIndex index, PlotOutput output)
    {
        foreach (var vendor in index.VendorsWith(MetricNames.PerplexityHistogramGen0))
        {
            WriteVendor(index, vendor, output);
        }
    }

    private static void WriteVendor(MetricIndex index, string vendor, PlotOutput output)
    {
        var rows = MetricIndex.Latest(index.Rows(MetricNames.PerplexityHistogramGen0, vendor))
            .Where(r => double.TryParse(r.Label, NumberStyles.Float, CultureInfo.InvariantCulture, out var edge) && double.IsFinite(edge))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var edges = rows.Select(r => Edge(r.Label)).Distinct().Order().ToArray();
        var logScale = edges[0] > 0;
        var centers = Centers(edges, logScale);
        var generations = rows.Select(r => r.Generation ?? "").Distinct().Order(GenerationOrder.Instance).ToList();
        var chosen = new[] { 0, generations.Count / 2, generations.Count - 1 }.Distinct().Select(i => generations[i]).ToList();

        using var plot = Figure.Create(
            $"{vendor}: perplexity of generated text under generation 0",
            logScale ? "perplexity under generation 0 (log scale)" : "perplexity under generation 0",
            "share of documents");
        for (var i = 0; i < chosen.Count; i++)
        {
            var shares = Shares(rows.Where(r => (r.Generation ?? "") == chosen[i]).ToList(), edges);
            // Later generations get warmer colours, as in the paper's figure.
            var color = Figure.ColorOf(chosen.Count == 1 ? 0 : new[] { 0, 1, 3 }[i]);
            Figure.Line(plot, centers, shares, color, "generation " + chosen[i], 2.5f);
        }

        if (logScale)
        {
            // Ticks at whole decades only once the bins span a few of them; half decades (31.6, 316) read badly.
            plot.Axes.Bottom.TickGenerator = new NumericAutomatic
            {
                IntegerTicksOnly = centers[^1] - centers[0] >= 2,
                LabelFormatter = x => NumberFormat.Number(Math.Pow(10, x), 3, trim: true),
                MinorTickGenerator = new LogMinorTickGenerator(),
            };
        }

        Figure.Legend(plot);
        output.Save(plot, "perplexity_histogram_gen0_" + Figure.Slug(vendor));
    }

    private static double Edge(string label) => double.Parse(label, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Mean share per bin over every tick and replicate the generation served; a bin a tick did not report counts
    /// as empty, so the shares still sum to one.</summary>
    private static double[] Shares(IReadOnlyList<Abstractions.Metrics.MetricRow> rows, double[] edges)
    {
        var worlds = rows.Select(r => (r.Tick, r.Replicate)).Distinct().Count();
        var sums = new double[edges.Length];
        foreach (var row in rows)
        {
            var bin = Array.BinarySearch(edges, Edge(row.Label));
            if (bin >= 0 && double.IsFinite(row.Value))
            {
                sums[bin] += row.Value;
            }
        }

        return [.. sums.Select(s => s / worlds)];
    }

    /// <summary>Bin centres (geometric in log scale, in log10 units); the last bin's width repeats the previous one's
    /// because its upper edge is not in the rows.</summary>
    private static double[] Centers(double[] edges, bool logScale)
    {
        var x = logScale ? edges.Select(Math.Log10).ToArray() : edges;
        if (x.Length == 1)
        {
            return [x[0]];
        }

        var centers = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var upper = i + 1 < x.Length ? x[i + 1] : x[i] + (x[i] - x[i - 1]);
            centers[i] = (x[i] + upper) / 2;
        }

        return centers;
    }
}
