using System.Net;
using System.Net.Sockets;
using Ecosystem.Grains.Hosting;
using Ecosystem.Hosting;

namespace Ecosystem.Dashboard;

/// <summary>How the dashboard reaches an Orleans cluster: by default it hosts one silo of its own (localhost
/// clustering on free ports, like <c>ecosystem run</c>); with gateway ports it is a client of a localhost cluster; with
/// <c>Cluster:Mode</c> redis it is a client of the cluster registered in Redis (<see cref="ClusterHostingExtensions"/>).</summary>
/// <remarks>Every cluster choice of the dashboard lives here.</remarks>
public static class DashboardCluster
{
    /// <summary>Adds the silo or the client to <paramref name="builder"/>; an embedded silo carries trace context through
    /// grain calls when <paramref name="propagateTraces"/> (spans are collected).</summary>
    /// <returns>Whether the Orleans dashboard can be served: its grains must run on the silos, which this dashboard knows
    /// of its own embedded silo and is told of a cluster's by <c>Cluster:OrleansDashboard</c>.</returns>
    public static bool Configure(WebApplicationBuilder builder, DashboardSettings settings, bool propagateTraces)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        if (cluster.Mode == ClusterMode.Redis)
        {
            builder.UseOrleansClient(client =>
            {
                client.UseEcosystemCluster(builder.Configuration);
                AddOrleansDashboard(cluster, client);
            });
            return cluster.OrleansDashboard;
        }

        if (settings.GatewayPorts.Length == 0)
        {
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(FreePort(), FreePort())
                .AddEcosystemSimulation(propagateTraces: propagateTraces)
                .AddEcosystemOrleansDashboard());
            return true;
        }

        builder.UseOrleansClient(client => AddOrleansDashboard(cluster,
            client.UseLocalhostClustering(settings.GatewayPorts, settings.ServiceId, settings.ClusterId)));
        return cluster.OrleansDashboard;
    }

    private static void AddOrleansDashboard(ClusterSettings cluster, IClientBuilder client)
    {
        if (cluster.OrleansDashboard)
        {
            client.AddEcosystemOrleansDashboard();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
