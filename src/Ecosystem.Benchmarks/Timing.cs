using System.Diagnostics;

namespace Ecosystem.Benchmarks;

/// <summary>Repeats an operation until enough runs and enough time have accumulated, so that fast operations are timed
/// over many calls rather than one.</summary>
public static class Timing
{
    /// <summary>Seconds of each call of <paramref name="operation"/>: at least <paramref name="minimumRuns"/> calls and
    /// at least <paramref name="minimumTotal"/> in all.</summary>
    public static IReadOnlyList<double> Repeat(Action operation, int minimumRuns, TimeSpan minimumTotal, CancellationToken cancellationToken = default)
    {
        var seconds = new List<double>();
        var total = TimeSpan.Zero;
        var stopwatch = new Stopwatch();
        while (seconds.Count < minimumRuns || total < minimumTotal)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stopwatch.Restart();
            operation();
            stopwatch.Stop();
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            total += stopwatch.Elapsed;
        }

        return seconds;
    }
}
