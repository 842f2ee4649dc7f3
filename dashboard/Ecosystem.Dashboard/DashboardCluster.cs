using System.Net;
using System.Net.Sockets;
using Ecosystem.Grains.Hosting;
using Ecosystem.Hosting;
using Orleans.Dashboard;

namespace Ecosystem.Dashboard;

/// <summary>How the dashboard reaches an Orleans cluster: by default it hosts one silo of its own (localhost
/// clustering on free ports, like <c>ecosystem run</c>); with gateway ports it is a client of a localhost cluster; with
/// <c>Cluster:Mode</c> redis it is a client of the cluster registered in Redis (<see cref="ClusterHostingExtensions"/>).</summary>
/// <remarks>Every cluster choice of the dashboard lives here.</remarks>
public static class DashboardCluster
{
    /// <summary>Adds the silo or the client to <paramref name="builder"/>.</summary>
    /// <returns>Whether the Orleans dashboard can be served: its grains must run on the silos, which is only known
    /// for the embedded silo.</returns>
    public static bool Configure(WebApplicationBuilder builder, DashboardSettings settings)
    {
        if (ClusterSettings.From(builder.Configuration).Mode == ClusterMode.Redis)
        {
            builder.UseOrleansClient(client => client.UseEcosystemCluster(builder.Configuration));
            return false;
        }

        if (settings.GatewayPorts.Length == 0)
        {
            // The dashboard's live log page streams the silo's logs to anyone who can open a read-only page: off.
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(FreePort(), FreePort())
                .AddEcosystemSimulation()
                .AddDashboard(options => options.HideTrace = true));
            return true;
        }

        builder.UseOrleansClient(client => client.UseLocalhostClustering(settings.GatewayPorts, settings.ServiceId, settings.ClusterId));
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
