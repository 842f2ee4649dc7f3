using System.Net;
using System.Net.Sockets;
using Ecosystem.Hosting;
using Ecosystem.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecosystem.Cli;

/// <summary>The default single-process mode: one silo in this process, localhost clustering on free ports, in-memory state
/// (blobs in <c>Storage:BlobDirectory</c> when set).</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedCluster(IHost host) => _host = host;

    /// <summary>The cluster client of the embedded silo.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts the silo with the telemetry the "Telemetry" configuration asks for and a quiet console.</summary>
    public static Task<EmbeddedCluster> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, RuntimeLog.Quiet, cancellationToken);

    /// <summary>Starts the silo; <paramref name="telemetry"/> overrides the "Telemetry" configuration (e.g. a metrics port)
    /// and <paramref name="log"/> says where the runtime's log goes.</summary>
    public static async Task<EmbeddedCluster> StartAsync(Action<TelemetrySettings>? telemetry, RuntimeLog log, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        log.Configure(builder.Logging);
        var traces = builder.AddEcosystemTelemetry("ecosystem", telemetry).CollectsTraces;
        builder.UseOrleans(silo => silo.UseEcosystemCluster(builder.Configuration, cluster =>
        {
            cluster.Mode = ClusterMode.Embedded;
            cluster.SiloPort = FreePort();
            cluster.GatewayPort = FreePort();
            cluster.PrimarySiloPort = null;
        }, propagateTraces: traces));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedCluster(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
