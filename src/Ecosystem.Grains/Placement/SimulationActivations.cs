namespace Ecosystem.Grains.Placement;

/// <summary>Where the simulation's grains are active in a cluster, from Orleans' grain statistics: a silo places grains
/// by its own view of the cluster, and one that has not yet learnt of the others keeps every grain it places, so
/// whoever measures or tests several silos checks that the grains really spread.</summary>
public static class SimulationActivations
{
    // Orleans' statistics name grain types in full; the simulation's all live in this assembly's namespace.
    private static readonly string Namespace = typeof(SimulationActivations).Assembly.GetName().Name + ".";

    /// <summary>How many of the simulation's activations each silo that holds any holds now.</summary>
    public static async Task<IReadOnlyList<int>> PerSiloAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.ActivationCount > 0 && s.GrainType.StartsWith(Namespace, StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress)
            .Select(g => g.Sum(s => s.ActivationCount))
            .ToList();
    }
}
