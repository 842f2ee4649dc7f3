namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Arithmetic of the physical anchors: the rate a workload's matrix products run at, and how much of it the
/// model turns into tokens (model FLOPs utilization).</summary>
public static class Utilization
{
    /// <summary>The FLOP-weighted (harmonic) mean rate of a workload's products: their FLOPs divided by the time they
    /// take back to back, each at its own measured rate (FLOP/s). An arithmetic mean would let a fast small product
    /// hide a slow large one.</summary>
    public static double WeightedRate(IReadOnlyList<GemmWork> work, Func<GemmShape, double> rateOf)
    {
        ArgumentOutOfRangeException.ThrowIfZero(work.Count);
        double flops = 0, seconds = 0;
        foreach (var item in work)
        {
            var rate = rateOf(item.Shape);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
            flops += item.Flops;
            seconds += item.Flops / rate;
        }

        return flops / seconds;
    }

    /// <summary>Model FLOPs utilization: the model's FLOP rate (tokens/s × FLOPs per token) as a share of the measured
    /// rate of its matrix products (both in FLOP/s).</summary>
    public static double ModelFlopsUtilization(double tokensPerSecond, double flopsPerToken, double gemmRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gemmRate);
        return tokensPerSecond * flopsPerToken / gemmRate;
    }

    /// <summary>Steady-state throughput from windows of (tokens, seconds): all windows but the first, which holds the
    /// warm-up (first allocations, kernel selection); every window when there is only one.</summary>
    public static double SteadyTokensPerSecond(IReadOnlyList<(double Tokens, double Seconds)> windows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(windows.Count);
        var steady = windows.Count > 1 ? windows.Skip(1).ToList() : windows;
        return steady.Sum(w => w.Tokens) / steady.Sum(w => w.Seconds);
    }
}
