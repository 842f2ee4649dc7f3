using Microsoft.Extensions.Logging;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Ecosystem.Grains.Placement;

/// <summary>Chooses a silo for an <see cref="AcceleratorPlacement"/> grain: a GPU silo when the activating call asks for
/// cuda (or auto) and one exists, else the activating caller's silo when compatible (any compatible silo otherwise), with
/// a warning when a GPU was required but none is up.</summary>
/// <remarks>Placement never changes results on CPU silos; a GPU computes in a different order, so runs that mix devices
/// are reproducible per cluster shape only.</remarks>
public sealed class AcceleratorPlacementDirector(ISiloMetadataCache metadata, ILogger<AcceleratorPlacementDirector> logger) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var wanted = target.RequestContextData is { } data && data.TryGetValue(SiloAccelerators.DeviceRequestKey, out var value) && value is string device
            ? device
            : "auto";
        if (wanted is SiloAccelerators.Cuda or "auto")
        {
            var gpus = silos.Where(HasGpu).ToArray();
            if (gpus.Length > 0)
            {
                return Task.FromResult(gpus[Random.Shared.Next(gpus.Length)]);
            }

            if (wanted == SiloAccelerators.Cuda)
            {
                logger.LogWarning("{Grain} asks for a GPU but no silo announces one; it is placed on a CPU silo", target.GrainIdentity);
            }
        }

        // On CPU the generation stays with its vendor (the silo that activates it): the training set the vendor hands it
        // and the documents it writes for the vendor then never cross between silos. Vendors themselves are spread.
        return Task.FromResult(silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[Random.Shared.Next(silos.Length)]);
    }

    private bool HasGpu(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloAccelerators.MetadataKey, out var accelerator) && accelerator == SiloAccelerators.Cuda;
}
