using System.CommandLine;
using Ecosystem.Hosting;
using Ecosystem.Telemetry;
using Microsoft.Extensions.Hosting;

var mode = new Option<ClusterMode?>("--cluster") { Description = "embedded (localhost clustering, state in memory; the default) or redis (membership and grain state in Redis)." };
var redis = new Option<string?>("--redis") { Description = "Redis connection string for --cluster redis (default: Cluster:RedisConnectionString, localhost:6379)." };
var siloPort = new Option<int?>("--silo-port") { Description = "Port for silo-to-silo traffic (default 11111)." };
var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port clients connect to (default 30000)." };
var primary = new Option<int?>("--primary-silo-port") { Description = "Embedded mode: silo port of the primary silo to join; omit on the primary itself." };
var blobDirectory = new Option<string?>("--blob-dir") { Description = "Folder for large blobs (corpus segments, training data, checkpoints) that every silo can read and write (default: Storage:BlobDirectory; memory when embedded, a temp folder with redis)." };
var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on http://localhost:PORT/metrics (default: Telemetry:MetricsPort; none)." };
var root = new RootCommand("Ecosystem silo host: runs one Orleans silo with the simulation's grains. " +
                           "Settings come from appsettings.json, environment variables (Cluster__Mode, Cluster__RedisConnectionString, " +
                           "Cluster__ClusterId, Cluster__ServiceId, Cluster__SiloPort, Cluster__GatewayPort, Cluster__AdvertisedHost, Cluster__OrleansDashboard, " +
                           "Storage__Kind (folder or azure), Storage__BlobDirectory, Storage__AzureConnectionString, Storage__AzureContainer, Telemetry__*) " +
                           "and these options. Exit code 2 for unusable settings, 1 when the blob store cannot be reached.")
{
    mode, redis, siloPort, gatewayPort, primary, blobDirectory, metricsPort,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var builder = Host.CreateApplicationBuilder();
    ClusterSettings? settings = null;
    try
    {
        var telemetry = builder.AddEcosystemTelemetry("ecosystem-silo", t => t.MetricsPort = parse.GetValue(metricsPort) ?? t.MetricsPort);
        builder.UseOrleans(silo => settings = silo.UseEcosystemCluster(
            builder.Configuration,
            s =>
            {
                s.Mode = parse.GetValue(mode) ?? s.Mode;
                s.RedisConnectionString = parse.GetValue(redis) ?? s.RedisConnectionString;
                s.SiloPort = parse.GetValue(siloPort) ?? s.SiloPort;
                s.GatewayPort = parse.GetValue(gatewayPort) ?? s.GatewayPort;
                s.PrimarySiloPort = parse.GetValue(primary) ?? s.PrimarySiloPort;
            },
            s => s.BlobDirectory = parse.GetValue(blobDirectory) ?? s.BlobDirectory,
            telemetry.CollectsTraces));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }

    using var host = builder.Build();
    try
    {
        await host.StartAsync(cancellationToken);
    }
    catch (Exception e) when (BlobStoreFailure.Find(e) is { } unreachable)
    {
        // The silo never joined the cluster; a stack trace would only bury the store's name.
        Console.Error.WriteLine(unreachable.Message);
        return 1;
    }

    Console.Out.WriteLine($"Silo started: cluster '{settings!.ClusterId}' ({settings.Mode.ToString().ToLowerInvariant()}), silo port {settings.SiloPort}, gateway port {settings.GatewayPort}.");
    await host.WaitForShutdownAsync(cancellationToken);
    return 0;
});
return await root.Parse(args).InvokeAsync();
