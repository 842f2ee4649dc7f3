using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Experiments.Summaries;

/// <summary>A metric a sweep follows over time, drawn as each point's mean trajectory with its band.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="YLabel">The value axis' label.</param>
/// <param name="Percent">Whether the values are shares, drawn as percentages.</param>
public sealed record SweepTrajectory(string Metric, string Title, string YLabel, bool Percent)
{
    /// <summary>The corpus-wide trajectory: the synthetic share of the corpus.</summary>
    public static SweepTrajectory Corpus { get; } = new(MetricNames.SyntheticShareDocuments, "Synthetic share of the corpus", "synthetic share", true);

    /// <summary>The trajectories drawn for every vendor, in report order.</summary>
    public static IReadOnlyList<SweepTrajectory> PerVendor { get; } =
    [
        new(MetricNames.HeldoutPerplexity, "Held-out perplexity", "held-out perplexity", false),
        new(MetricNames.Distinct2, "Distinct-2 of the model's output", "distinct-2 of the model's output", false),
        new(MetricNames.TrainingSyntheticShare, "Synthetic share of the training set", "synthetic share of the training set", true),
    ];
}
