using System.Net;
using Ecosystem.Grains.Bases;
using Ecosystem.Grains.Generations;
using Ecosystem.Grains.Hosting;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Ecosystem.Hosting;

/// <summary>The one place that joins a host to an Ecosystem cluster, as configuration says (<see cref="ClusterSettings"/>,
/// <see cref="StorageSettings"/>): the silo host, the command line's embedded silo or client, and the dashboard.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>Configures a silo for the cluster mode in force and adds the simulation (<see cref="SiloBuilderExtensions.AddEcosystemSimulation"/>).</summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="configuration">The host's configuration ("Cluster" and "Storage" sections).</param>
    /// <param name="configure">Overrides applied after the configuration (command-line options).</param>
    /// <param name="storage">Overrides of the storage settings.</param>
    /// <param name="propagateTraces">Carry trace context through grain calls (when spans are collected).</param>
    /// <returns>The settings in force.</returns>
    /// <exception cref="ArgumentException">The settings are not usable.</exception>
    public static ClusterSettings UseEcosystemCluster(this ISiloBuilder silo, IConfiguration configuration,
        Action<ClusterSettings>? configure = null, Action<StorageSettings>? storage = null, bool propagateTraces = false)
    {
        var settings = ClusterSettings.From(configuration, configure);
        var storageSettings = StorageSettings.From(configuration, storage);
        var blobDirectory = storageSettings.BlobDirectoryFor(settings);
        if (settings.Mode == ClusterMode.Redis)
        {
            var redis = RedisOptions(settings);
            silo.UseRedisClustering(options => options.ConfigurationOptions = redis);
            silo.AddRedisGrainStorage(StorageNames.Grains, options =>
            {
                options.ConfigurationOptions = redis;
                options.DeleteStateOnClear = true;
            });
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
            // In a container every replica has the same settings; its own host name resolves to its own address.
            var host = string.IsNullOrWhiteSpace(settings.AdvertisedHost) ? Dns.GetHostName() : settings.AdvertisedHost;
            silo.ConfigureEndpoints(host, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
        }
        else
        {
            var primary = settings.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, primary, settings.ServiceId, settings.ClusterId);
        }

        if (storageSettings.Kind == StorageKind.Azure)
        {
            // Bases stay in each machine's cache folder (Bases:Directory can still point every silo at a shared one):
            // a base is built the same way wherever it is built, and each machine builds it once.
            silo.UseAzureBlobStore(storageSettings);
        }
        else if (blobDirectory is not null)
        {
            silo.Services.AddSingleton<IBlobStore>(sp => new FileBlobStore(blobDirectory, sp.GetRequiredService<Serializer>()));
            silo.Services.Configure<CheckpointOptions>(options => options.Directory = Path.Combine(blobDirectory, "checkpoints"));
            if (settings.Mode == ClusterMode.Redis)
            {
                // Every silo of the cluster shares the folder, so a base is built once and reused by all; an embedded
                // silo keeps using the cache folder, where the bases of earlier runs are.
                silo.Services.Configure<BaseModelOptions>(options => options.Directory = Path.Combine(blobDirectory, "bases"));
            }
        }

        silo.Configure<ClusterMembershipOptions>(options =>
        {
            if (settings.ProbeTimeoutSeconds is { } timeout)
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(timeout);
            }

            if (settings.MissedProbesLimit is { } missed)
            {
                options.NumMissedProbesLimit = missed;
            }
        });
        if (settings.OrleansDashboard)
        {
            silo.AddEcosystemOrleansDashboard();
        }

        silo.AddEcosystemSimulation(propagateTraces: propagateTraces);
        if (configuration.GetSection(SegmentMemoryOptions.Section).Get<SegmentMemoryOptions>() is { } corpus)
        {
            // Corpus__MemoryMegabytes: the sealed segments a silo keeps on the heap; the rest is read from their files.
            silo.Services.Configure<SegmentMemoryOptions>(options => options.MemoryMegabytes = corpus.MemoryMegabytes);
        }

        if (configuration["Bases:Directory"] is { Length: > 0 } bases)
        {
            // An explicit folder (Bases__Directory) wins over the cache folder and the cluster's blob folder.
            silo.Services.Configure<BaseModelOptions>(options => options.Directory = bases);
        }

        return settings;
    }

    /// <summary>Configures a client of the cluster the configuration names: the localhost silos' gateways (embedded
    /// mode) or the silos registered in Redis.</summary>
    /// <returns>The settings in force.</returns>
    /// <exception cref="ArgumentException">The settings are not usable.</exception>
    public static ClusterSettings UseEcosystemCluster(this IClientBuilder client, IConfiguration configuration, Action<ClusterSettings>? configure = null)
    {
        var settings = ClusterSettings.From(configuration, configure);
        if (settings.Mode == ClusterMode.Redis)
        {
            var redis = RedisOptions(settings);
            client.UseRedisClustering(options => options.ConfigurationOptions = redis);
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
        }
        else
        {
            var ports = settings.GatewayPorts.Length > 0 ? settings.GatewayPorts : [settings.GatewayPort];
            client.UseLocalhostClustering(ports, settings.ServiceId, settings.ClusterId);
        }

        // A tick is one call to the clock and may include training a model: minutes, not seconds.
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromHours(2));
        return settings;
    }

    /// <summary>Redis options that keep retrying while the server is away instead of failing the host.</summary>
    private static ConfigurationOptions RedisOptions(ClusterSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.RedisConnectionString);
        options.AbortOnConnectFail = false;
        return options;
    }
}
