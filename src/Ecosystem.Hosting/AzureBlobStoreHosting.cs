using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Ecosystem.Hosting;

/// <summary>Puts a silo's blobs in an Azure Blob Storage container (<see cref="StorageKind.Azure"/>).</summary>
public static class AzureBlobStoreHosting
{
    /// <summary>Registers the <see cref="AzureBlobStore"/> <paramref name="storage"/> names as the silo's blob store, copies
    /// model checkpoints into it, and checks at start-up that it answers (<see cref="BlobContainerCheck"/>).</summary>
    /// <exception cref="ArgumentException">The connection string or container name is not usable.</exception>
    public static ISiloBuilder UseAzureBlobStore(this ISiloBuilder silo, StorageSettings storage)
    {
        // Built now, so that a connection string that does not parse is a bad setting reported before the silo starts.
        var container = AzureBlobStore.ContainerClient(storage.AzureConnectionString ?? "", storage.AzureContainer);
        silo.Services.AddSingleton(sp => new AzureBlobStore(container, sp.GetRequiredService<Serializer>()));
        silo.Services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<AzureBlobStore>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, BlobContainerCheck>();
        // Checkpoints are written to the silo's temp folder as usual; the copy in the store is what other machines read.
        silo.Services.Configure<CheckpointOptions>(options => options.InBlobStore = true);
        return silo;
    }
}
