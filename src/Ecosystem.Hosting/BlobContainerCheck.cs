using Ecosystem.Grains.Persistence;
using Orleans.Runtime;

namespace Ecosystem.Hosting;

/// <summary>Makes a silo whose object store cannot be reached fail to start, with an error naming the store, instead of
/// joining the cluster and failing every tick it takes part in; creates the container on the first start.</summary>
internal sealed class BlobContainerCheck(AzureBlobStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        // Before the silo joins the membership table: other silos never see one that cannot store blobs.
        lifecycle.Subscribe(nameof(BlobContainerCheck), ServiceLifecycleStage.RuntimeInitialize, store.EnsureContainerAsync);
}
