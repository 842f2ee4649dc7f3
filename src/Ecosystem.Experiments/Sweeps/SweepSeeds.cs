namespace Ecosystem.Experiments.Sweeps;

/// <summary>The seeds of a sweep: <see cref="First"/>, <see cref="First"/>+1, ... (<see cref="Count"/> of them).</summary>
public sealed record SweepSeeds(long First = 1, int Count = 5)
{
    /// <summary>The seeds in order.</summary>
    public IEnumerable<long> All => Enumerable.Range(0, Count).Select(i => First + i);
}
