using Ecosystem.Abstractions.Metrics;
using System.Globalization;

namespace Ecosystem.Reports;

/// <summary>A few plain-text lines comparing each vendor's first and last tick, for the end of a run's log, e.g.
/// "acme: generation 0 → 4, distinct-2 0.71 → 0.43, held-out perplexity 210 → 390".</summary>
internal static class RunHeadline
{
    private const string Arrow = " → ";

    public static string Write(MetricIndex index)
    {
        var lines = new List<string>();
        var share = index.Series(MetricNames.SyntheticShareDocuments, MetricIndex.Corpus);
        if (share.Count > 0)
        {
            lines.Add($"corpus: synthetic share {Percent(share)} (tick {Tick(share[0])}{Arrow}{Tick(share[^1])})");
        }

        foreach (var vendor in index.Vendors)
        {
            var theory = index.KindOf(vendor) == VendorKind.Theory;
            var parts = new List<string>();
            var ticks = index.TicksOf(vendor);
            var first = index.GenerationAt(vendor, ticks[0]);
            var last = index.GenerationAt(vendor, ticks[^1]);
            if (first is not null && last is not null)
            {
                parts.Add($"generation {first}{Arrow}{last}");
            }

            parts.AddRange(theory ? TheoryParts(index, vendor) : TextParts(index, vendor));
            var name = theory
                ? $"{vendor} ({index.ReplicateCount(vendor).ToString(CultureInfo.InvariantCulture)} replicates)"
                : vendor;
            lines.Add(name + ": " + (parts.Count == 0 ? "no summary metrics" : string.Join(", ", parts)));
        }

        return string.Join("\n", lines);
    }

    private static IEnumerable<string> TextParts(MetricIndex index, string vendor)
    {
        if (Change(index.Series(MetricNames.Distinct2, vendor)) is { } distinct)
        {
            yield return "distinct-2 " + distinct;
        }

        if (Change(index.Series(MetricNames.TokenEntropyBits, vendor)) is { } entropy)
        {
            yield return $"token entropy {entropy} bits";
        }

        if (Change(index.Series(MetricNames.HeldoutPerplexity, vendor)) is { } perplexity)
        {
            yield return "held-out perplexity " + perplexity;
        }

        if (index.Series(MetricNames.TrainingSyntheticShare, vendor) is { Count: > 0 } training)
        {
            yield return "training synthetic share " + Percent(training);
        }
    }

    private static IEnumerable<string> TheoryParts(MetricIndex index, string vendor)
    {
        if (index.AcrossReplicates(MetricNames.Variance, vendor) is { Count: > 0 } variance)
        {
            yield return $"variance mean {Change(variance, s => s.Mean)}, median {Change(variance, s => s.Median)}";
        }

        if (index.AcrossReplicates(MetricNames.MeanError, vendor, v => v * v) is { Count: > 0 } error)
        {
            yield return "mean error² " + Change(error, s => s.Mean);
        }

        if (index.AcrossReplicates(MetricNames.Wasserstein2, vendor) is { Count: > 0 } w2)
        {
            yield return "W2 " + Change(w2, s => s.Mean);
        }

        if (index.AbsorbedShare(vendor) is { Count: > 0 } absorbed)
        {
            yield return "absorbed " + Percent(absorbed);
        }
    }

    private static string? Change(IReadOnlyList<TickValue> series) =>
        series.Count == 0 ? null : Number(series[0].Value) + Arrow + Number(series[^1].Value);

    private static string Change(IReadOnlyList<ReplicateSummary> series, Func<ReplicateSummary, double> value) =>
        Number(value(series[0])) + Arrow + Number(value(series[^1]));

    private static string Percent(IReadOnlyList<TickValue> series) =>
        NumberFormat.Percent(series[0].Value) + Arrow + NumberFormat.Percent(series[^1].Value);

    private static string Number(double value) => NumberFormat.Number(value, 3, trim: true);

    private static string Tick(TickValue point) => point.Tick.ToString(CultureInfo.InvariantCulture);
}
