using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Hosting;
using Ecosystem.Grains.Placement;
using Orleans.TestingHost;

namespace Ecosystem.Simulation.Tests;

/// <summary>Model generations that ask for a GPU are placed on a silo that announces one; with none, they still run.</summary>
public class AcceleratorPlacementTests
{
    [Fact]
    public async Task Generations_asking_for_cuda_land_on_the_silo_that_announces_a_gpu()
    {
        string? gpuSilo = null;
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((options, silo) =>
        {
            var isGpu = Interlocked.CompareExchange(ref gpuSilo, options.SiloName, null) is null;
            silo.AddEcosystemSimulation(isGpu ? SiloAccelerators.Cuda : SiloAccelerators.None);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var keys = await ActivateAsync(cluster, "cuda", 8);

        var gpuAddress = cluster.Silos.Single(s => s.Name == gpuSilo).SiloAddress;
        var placements = await PlacementsAsync(cluster, keys);
        Assert.Equal(8, placements.Count);
        Assert.All(placements, silo => Assert.Equal(gpuAddress, silo));
    }

    [Fact]
    public async Task Without_a_gpu_silo_a_cuda_request_falls_back_to_a_cpu_silo()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddEcosystemSimulation(SiloAccelerators.None));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var keys = await ActivateAsync(cluster, "cuda", 4);

        var silos = cluster.Silos.Select(s => s.SiloAddress).ToHashSet();
        var placements = await PlacementsAsync(cluster, keys);
        Assert.Equal(4, placements.Count);
        Assert.All(placements, silo => Assert.Contains(silo, silos));
    }

    /// <summary>Activates untrained generation grains with the device in the request context, as vendors do.</summary>
    private static async Task<IReadOnlyList<string>> ActivateAsync(InProcessTestCluster cluster, string device, int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => new WorldAddress($"placement-{Guid.NewGuid():N}", 0).Generation("gpu", i)).ToList();
        foreach (var key in keys)
        {
            RequestContext.Set(SiloAccelerators.DeviceRequestKey, device);
            try
            {
                // Untrained generations refuse to measure; the call still activates them where placement put them.
                await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<IModelGenerationGrain>(key).MeasureAsync(0));
            }
            finally
            {
                RequestContext.Remove(SiloAccelerators.DeviceRequestKey);
            }
        }

        return keys;
    }

    private static async Task<IReadOnlyList<SiloAddress>> PlacementsAsync(InProcessTestCluster cluster, IReadOnlyList<string> keys)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics
            .Where(s => keys.Any(k => s.GrainId.ToString().EndsWith(k, StringComparison.Ordinal)))
            .Select(s => s.SiloAddress)
            .ToList();
    }
}
