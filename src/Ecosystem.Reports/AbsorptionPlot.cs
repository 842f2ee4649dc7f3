using Ecosystem.Abstractions.Metrics;
using System.Globalization;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Per vendor, the share of replicates whose categorical model has been absorbed in each single category
/// (a delta, from which refitting can never leave) over ticks, and in any category.</summary>
internal static class AbsorptionPlot
{
    private const int MaxLines = 10;

    public static void Write(MetricIndex index, PlotOutput output)
    {
        foreach (var vendor in index.VendorsWith(MetricNames.AbsorbedState))
        {
            WriteVendor(index, vendor, output);
        }
    }

    private static void WriteVendor(MetricIndex index, string vendor, PlotOutput output)
    {
        var rows = MetricIndex.Latest(index.Rows(MetricNames.AbsorbedState, vendor)).Where(r => double.IsFinite(r.Value)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var byTick = rows.GroupBy(r => r.Tick).OrderBy(g => g.Key).Select(g => (Tick: g.Key, States: g.Select(r => State(r.Value)).ToList())).ToList();
        var xs = byTick.Select(t => (double)t.Tick).ToArray();
        var states = rows.Select(r => State(r.Value)).Where(s => s >= 0).Distinct().Order().ToList();
        var replicates = rows.Select(r => r.Replicate).Distinct().Count();

        using var plot = Figure.Create(
            $"{vendor}: replicates absorbed in a single category ({replicates.ToString(CultureInfo.InvariantCulture)} replicates)",
            Figure.TickAxisLabel, "share of replicates");
        double[] SharesIn(Func<int, bool> match) => [.. byTick.Select(t => t.States.Count(match) / (double)t.States.Count)];

        // With many categories only the most common final states get a line of their own; the legend stays readable.
        var shown = states.OrderByDescending(state => byTick[^1].States.Count(s => s == state)).ThenBy(state => state)
            .Take(states.Count > MaxLines ? MaxLines - 1 : MaxLines).Order().ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var state = shown[i];
            Figure.Line(plot, xs, SharesIn(s => s == state), Figure.ColorOf(i), "category " + state.ToString(CultureInfo.InvariantCulture));
        }

        if (shown.Count < states.Count)
        {
            Figure.Line(plot, xs, SharesIn(s => s >= 0 && !shown.Contains(s)), Colors.Gray, "other categories");
        }

        Figure.Line(plot, xs, SharesIn(s => s >= 0), Colors.Black, "any category", 3, LinePattern.Dashed, marker: 0);

        Figure.IntegerTicks(plot.Axes.Bottom);
        Figure.PercentAxis(plot);
        Figure.Legend(plot);
        output.Save(plot, "absorbed_states_" + Figure.Slug(vendor));
    }

    /// <summary>The category index, or -1 while the model still spreads over several categories.</summary>
    private static int State(double value) => value < 0 ? -1 : (int)Math.Round(value);
}
