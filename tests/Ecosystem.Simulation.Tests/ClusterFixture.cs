using Ecosystem.Grains.Bases;
using Ecosystem.Grains.Corpus;
using Ecosystem.Grains.Hosting;
using Ecosystem.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Ecosystem.Simulation.Tests;

/// <summary>Starts a real in-process Orleans test cluster of the given size with the simulation's grains.</summary>
public sealed class TestClusterHandle : IAsyncDisposable
{
    private TestClusterHandle(TestCluster cluster) => Cluster = cluster;

    /// <summary>The running cluster.</summary>
    public TestCluster Cluster { get; }

    /// <summary>Deploys a cluster of <paramref name="silos"/> silos, with <paramref name="configuration"/> added to the
    /// silos' configuration (a "Storage" section puts their blobs where it says, as on a real host).</summary>
    public static async Task<TestClusterHandle> StartAsync(int silos, IReadOnlyDictionary<string, string>? configuration = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestClusterHandle(cluster);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Where the test silos of this process cache pretrained bases: a folder of its own, so a test run never
    /// reads or fills the user's cache.</summary>
    public static string BaseDirectory { get; } = Path.Combine(Path.GetTempPath(), "ecosystem-test-bases-" + Environment.ProcessId);

    /// <summary>The configuration key of each silo's budget of sealed segments on the heap; 0 reads every sealed segment
    /// back from its file whenever it is needed.</summary>
    public const string CorpusMemoryKey = "Corpus:MemoryMegabytes";

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var storage = StorageSettings.From(siloBuilder.Configuration);
            if (storage.Kind == StorageKind.Azure)
            {
                siloBuilder.UseAzureBlobStore(storage);
            }

            siloBuilder.AddEcosystemSimulation();
            siloBuilder.Services.Configure<BaseModelOptions>(options => options.Directory = BaseDirectory);
            if (siloBuilder.Configuration[CorpusMemoryKey] is { } megabytes)
            {
                siloBuilder.Services.Configure<SegmentMemoryOptions>(options => options.MemoryMegabytes = int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(1));
    }
}

/// <summary>One single-silo cluster shared by the tests of a class.</summary>
public sealed class SingleSiloCluster : IAsyncLifetime
{
    /// <summary>The handle, once started.</summary>
    public TestClusterHandle Handle { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Handle = await TestClusterHandle.StartAsync(1);

    /// <inheritdoc />
    public async Task DisposeAsync() => await Handle.DisposeAsync();
}
