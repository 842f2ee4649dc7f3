using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ecosystem.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Ecosystem.Simulation.Tests;

/// <summary>The Azure store's bad input: an unreachable store and unusable settings give errors that name the store
/// or the setting, quickly, and never repeat the account key.</summary>
public sealed class AzureBlobStoreTests : IDisposable
{
    private const string Key = "c2VjcmV0LWtleS1vZi10aGUtdGVzdC1hY2NvdW50LW5vdC11c2Vk";
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public async Task An_unreachable_store_fails_within_seconds_with_an_error_naming_its_container_and_endpoint()
    {
        var port = ClosedPort();
        var endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
        var container = AzureBlobStore.ContainerClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint={endpoint};", "unreachable");
        var store = new AzureBlobStore(container, _services.GetRequiredService<Serializer>());
        var stopwatch = Stopwatch.StartNew();

        var atStart = await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.EnsureContainerAsync());
        var onWrite = await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.WriteAsync("shards/x/state", 1));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Contains($"The blob store (Azure blob container 'unreachable' at {endpoint}) cannot be reached: ", atStart.Message);
        Assert.Contains($"The blob store (Azure blob container 'unreachable' at {endpoint}) failed to write 'shards/x/state': ", onWrite.Message);
        Assert.Contains("refused", onWrite.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, atStart.Message + onWrite.Message);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_a_bad_setting_that_does_not_repeat_it()
    {
        var e = Assert.Throws<ArgumentException>(() => AzureBlobStore.ContainerClient($"AccountKey={Key};nonsense", "ecosystem"));

        Assert.StartsWith("Storage:AzureConnectionString is not a usable Azure Storage connection string", e.Message);
        Assert.DoesNotContain(Key, e.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Ecosystem")]
    [InlineData("eco--system")]
    [InlineData("-ecosystem")]
    [InlineData("eco_system")]
    public void A_container_name_azure_refuses_is_a_bad_setting(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => AzureBlobStore.ContainerClient("UseDevelopmentStorage=true", name));

        Assert.StartsWith($"Storage:AzureContainer: found '{name}'", e.Message);
    }

    public void Dispose() => _services.Dispose();

    /// <summary>A localhost port nothing listens on: free now, and closed again at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
