using Ecosystem.Grains.Bases;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Persistence;
using Ecosystem.Grains.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Ecosystem.Grains.Runs;
using Ecosystem.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Storage;

namespace Ecosystem.Grains.Hosting;

/// <summary>Adds the simulation's grains and services to a silo, whatever its clustering.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers the per-silo run context cache, checkpoints, accelerator-aware placement of model generations,
    /// the simulation's meter, trace propagation through grain calls when asked and messaging limits suited to whole-tick calls.
    /// Grain state and blobs are kept in memory unless the host registered a grain storage named
    /// <see cref="StorageNames.Grains"/> and an <see cref="IBlobStore"/> before (the cluster mode does).</summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="accelerator">What the silo announces ("cuda" or "none"); null detects it.</param>
    /// <param name="propagateTraces">Carry trace context through grain calls, so that a tick's spans on every grain form
    /// one trace. Only worth it when spans are collected: the filters slowed the engine benchmark with 10,000 authors
    /// by about a fifth even with nobody listening.</param>
    public static ISiloBuilder AddEcosystemSimulation(this ISiloBuilder silo, string? accelerator = null, bool propagateTraces = false)
    {
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloAccelerators.MetadataKey] = accelerator ?? SiloAccelerators.Detect() });
        silo.Services.AddPlacementDirector<AcceleratorPlacement, AcceleratorPlacementDirector>();
        silo.Services.AddSingleton<RunContextCache>();
        silo.Services.AddOptions<CheckpointOptions>();
        silo.Services.AddSingleton<ModelCheckpoints>();
        silo.Services.AddOptions<BaseModelOptions>();
        silo.Services.AddSingleton<BaseModels>();
        silo.Services.AddOptions<SegmentMemoryOptions>();
        silo.Services.AddSingleton<SegmentMemoryBudget>();
        silo.Services.AddSingleton<SealGate>();
        silo.Services.AddSingleton<SimulationMeter>();
        if (!silo.Services.Any(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Grains)))
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, (services, _) => new InProcessGrainStorage(services.GetRequiredService<Orleans.Serialization.DeepCopier>()));
        }

        silo.Services.TryAddSingleton<IBlobStore>(_ => new MemoryBlobStore());
        if (propagateTraces)
        {
            silo.AddActivityPropagation();
        }

        silo.Configure<SiloMessagingOptions>(options =>
        {
            // A tick is one call to the clock and may include training a model: minutes, not seconds.
            options.ResponseTimeout = TimeSpan.FromHours(2);
            options.SystemResponseTimeout = TimeSpan.FromHours(2);
        });
        return silo;
    }
}
