namespace Ecosystem.Runner;

/// <summary>How often, and after how long, the runner runs a tick again when it failed because part of the cluster was
/// lost (a silo, the storage): bounded, with growing waits that leave the cluster time to notice a dead silo.</summary>
/// <param name="MaxAttempts">Attempts per tick, the first included.</param>
/// <param name="FirstDelay">Wait before the second attempt; each later wait doubles, up to <paramref name="MaxDelay"/>.</param>
/// <param name="MaxDelay">Longest wait between attempts.</param>
public sealed record TickRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Eight attempts over about a minute: enough to outlast a silo's death being declared and a storage restart.</summary>
    public static TickRetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
}
