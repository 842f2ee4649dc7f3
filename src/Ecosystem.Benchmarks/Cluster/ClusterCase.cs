namespace Ecosystem.Benchmarks.Cluster;

/// <summary>One configuration of the cluster suite: how many silo processes run the same scale scenario.</summary>
/// <param name="Silos">Silo processes of the local Redis cluster.</param>
public sealed record ClusterCase(int Silos)
{
    /// <summary>The case name recorded with its figures.</summary>
    public string Name => $"silos-{Silos}";
}
