using Orleans.Dashboard;

namespace Ecosystem.Hosting;

/// <summary>Adds the Orleans dashboard (cluster internals) to a silo or to a client that serves its pages, always with
/// the same options.</summary>
public static class OrleansDashboardHosting
{
    /// <summary>Puts the dashboard's grains and profiler on <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddEcosystemOrleansDashboard(this ISiloBuilder silo) => silo.AddDashboard(Configure);

    /// <summary>Adds the services a client needs to serve the dashboard of silos that carry its grains.</summary>
    public static IClientBuilder AddEcosystemOrleansDashboard(this IClientBuilder client) => client.AddDashboard(Configure);

    /// <summary>The live log page would stream logs to anyone who can open a read-only page: off.</summary>
    private static void Configure(DashboardOptions options) => options.HideTrace = true;
}
