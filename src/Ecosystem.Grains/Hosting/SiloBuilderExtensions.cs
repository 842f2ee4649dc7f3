using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Ecosystem.Grains.Hosting;

/// <summary>Adds the simulation's grains and services to a silo, whatever its clustering.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers the per-silo run context cache and messaging limits suited to whole-tick calls.</summary>
    public static ISiloBuilder AddEcosystemSimulation(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<RunContextCache>();
        silo.Services.AddOptions<CheckpointOptions>();
        silo.Services.AddSingleton<ModelCheckpoints>();
        silo.Configure<SiloMessagingOptions>(options =>
        {
            // A tick is one call to the clock and may include training a model: minutes, not seconds.
            options.ResponseTimeout = TimeSpan.FromHours(2);
            options.SystemResponseTimeout = TimeSpan.FromHours(2);
        });
        return silo;
    }
}
