namespace Ecosystem.Theory;

/// <summary>The closed-form expectation of one quantity a run reports, and the standard deviation of one world's
/// value of it, so that the mean over R independent worlds has standard error <c>StandardDeviation / √R</c>.</summary>
/// <param name="Name">The quantity, as written in the <c>label</c> column of the theory rows.</param>
/// <param name="Expected">Its expectation.</param>
/// <param name="StandardDeviation">Standard deviation of one world's value.</param>
/// <param name="Share">True when the quantity is the share of worlds in which an event happened, whose mean is far
/// from normal while the expected count of events or non-events is small.</param>
public sealed record TheoryQuantity(string Name, double Expected, double StandardDeviation, bool Share = false)
{
    /// <summary>Fewest expected events (and non-events) for a share's z to be read as a normal deviate.</summary>
    public const double MinimumExpectedCount = 5;

    /// <summary>Whether the mean over <paramref name="worlds"/> worlds may be compared with its expectation as a normal
    /// variable (central limit): always for means of continuous quantities, for shares only when at least
    /// <see cref="MinimumExpectedCount"/> events and non-events are expected.</summary>
    public bool NormalFromWorlds(int worlds) =>
        !Share || Math.Min(Expected, 1 - Expected) * worlds >= MinimumExpectedCount;
}
