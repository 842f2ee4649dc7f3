using Ecosystem.Hosting;
using Ecosystem.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecosystem.Cli;

/// <summary>The cluster a run goes to: a silo of its own in this process (embedded, the default), or a running cluster
/// this process joins as a client (Redis).</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly EmbeddedCluster? _embedded;
    private readonly IHost? _client;

    private ClusterConnection(EmbeddedCluster? embedded, IHost? client, ClusterSettings? settings)
    {
        _embedded = embedded;
        _client = client;
        Settings = settings;
    }

    /// <summary>The cluster client.</summary>
    public IClusterClient Client => _embedded?.Client ?? _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>The settings of the joined cluster; null for the embedded silo.</summary>
    public ClusterSettings? Settings { get; }

    /// <summary>True when the cluster keeps grain state beyond this process (a run can then be resumed from it).</summary>
    public bool IsPersistent => Settings?.Mode == ClusterMode.Redis;

    /// <summary>Starts an embedded silo, or connects to the cluster <paramref name="mode"/> names.</summary>
    /// <param name="mode">Embedded: a silo in this process. Redis: a client of the cluster registered in Redis.</param>
    /// <param name="redis">Redis connection string, overriding <c>Cluster:RedisConnectionString</c>.</param>
    /// <param name="telemetry">Overrides of the "Telemetry" section (the embedded silo's metrics port).</param>
    /// <param name="log">Where the runtime's log goes (the embedded silo's, or the client's).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static async Task<ClusterConnection> StartAsync(ClusterMode mode, string? redis, Action<TelemetrySettings>? telemetry, RuntimeLog log, CancellationToken cancellationToken)
    {
        if (mode == ClusterMode.Embedded)
        {
            return new ClusterConnection(await EmbeddedCluster.StartAsync(telemetry, log, cancellationToken), null, null);
        }

        var builder = Host.CreateApplicationBuilder();
        log.Configure(builder.Logging);
        ClusterSettings? settings = null;
        builder.UseOrleansClient(client => settings = client.UseEcosystemCluster(builder.Configuration, s =>
        {
            s.Mode = mode;
            s.RedisConnectionString = redis ?? s.RedisConnectionString;
        }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterConnection(null, host, settings);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
    }
}
