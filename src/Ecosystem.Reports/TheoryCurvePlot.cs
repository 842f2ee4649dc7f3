using Ecosystem.Abstractions.Metrics;
using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Per vendor and theory quantity: the simulated value (the mean over the worlds) over ticks beside its closed
/// form, with the band of ±1.96 standard errors in which 95% of simulated means fall.</summary>
internal static class TheoryCurvePlot
{
    public static void Write(MetricIndex index, PlotOutput output)
    {
        foreach (var vendor in index.VendorsWith(MetricNames.TheoryExpected))
        {
            foreach (var quantity in index.Labels(MetricNames.TheoryExpected, vendor))
            {
                var simulated = index.Series(MetricNames.TheorySimulated, vendor, quantity);
                var expected = index.Series(MetricNames.TheoryExpected, vendor, quantity);
                var errors = index.Series(MetricNames.TheoryStandardError, vendor, quantity);
                if (simulated.Count == 0 || expected.Count != errors.Count)
                {
                    continue;
                }

                using var plot = Figure.Create($"{vendor}: {quantity.Replace('_', ' ')}, simulated and closed form", Figure.TickAxisLabel, quantity);
                var xs = expected.Select(p => (double)p.Tick).ToArray();
                Figure.Band(plot, xs, [.. expected.Zip(errors, (e, s) => e.Value - 1.96 * s.Value)],
                    [.. expected.Zip(errors, (e, s) => e.Value + 1.96 * s.Value)], Colors.Black, "closed form ± 1.96 standard errors");
                Figure.Line(plot, expected, Colors.Black, "closed form", 1.5f, LinePattern.Dashed, marker: 0);
                Figure.Line(plot, simulated, Figure.ColorOf(index.ColorIndex(vendor)), "simulated (mean over worlds)");
                Figure.IntegerTicks(plot.Axes.Bottom);
                Figure.Legend(plot);
                output.Save(plot, $"theory_closed_form_{Figure.Slug(vendor)}_{Figure.Slug(quantity)}");
            }
        }
    }
}
