using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Experiments.Tests;

/// <summary>Metric rows of a made-up run of the Gaussian refit scenario (vendor "refit"): the corpus's and the training
/// set's synthetic share climb linearly to <c>final</c> at the last tick.</summary>
internal static class SweepRows
{
    public const string Vendor = "refit";

    public static IReadOnlyList<MetricRow> Climbing(double final, int ticks = 3) =>
    [
        .. Enumerable.Range(0, ticks).SelectMany(t => new[]
        {
            new MetricRow(t, 0, "", "", MetricNames.SyntheticShareDocuments, "", final * (t + 1) / ticks),
            new MetricRow(t, 0, Vendor, t.ToString(System.Globalization.CultureInfo.InvariantCulture), MetricNames.TrainingSyntheticShare, "", final * (t + 1) / ticks),
        }),
    ];
}
