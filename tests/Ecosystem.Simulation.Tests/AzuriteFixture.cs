using Ecosystem.Cluster.Tests;

namespace Ecosystem.Simulation.Tests;

/// <summary>One Azurite process for a test class, started when a test first asks for it (tests of the other stores
/// never start it) and stopped after the class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _location = Path.Combine(Path.GetTempPath(), "ecosystem-azurite-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task<AzuriteServer>> _server;

    /// <summary>Creates the fixture; nothing starts yet.</summary>
    public AzuriteFixture() => _server = new Lazy<Task<AzuriteServer>>(() => AzuriteServer.StartAsync(_location));

    /// <summary>The connection string of the running Azurite.</summary>
    public async Task<string> ConnectionStringAsync() => (await _server.Value).ConnectionString;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server.IsValueCreated && _server.Value.IsCompletedSuccessfully)
        {
            await (await _server.Value).DisposeAsync();
        }

        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }
}
