using System.CommandLine;
using System.Net;
using Ecosystem.Grains.Hosting;
using Ecosystem.Silo;
using Ecosystem.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var siloPort = new Option<int?>("--silo-port") { Description = "Port for silo-to-silo traffic (default 11111)." };
var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port clients connect to (default 30000)." };
var primary = new Option<int?>("--primary-silo-port") { Description = "Silo port of the primary silo to join; omit on the primary itself." };
var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on http://localhost:PORT/metrics (default: Telemetry:MetricsPort; none)." };
var root = new RootCommand("Ecosystem silo host: runs one Orleans silo with the simulation's grains (localhost clustering). " +
                           "Settings come from appsettings.json, Silo__* environment variables and these options.")
{
    siloPort, gatewayPort, primary, metricsPort,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var builder = Host.CreateApplicationBuilder();
    var settings = builder.Configuration.GetSection("Silo").Get<SiloSettings>() ?? new SiloSettings();
    settings.SiloPort = parse.GetValue(siloPort) ?? settings.SiloPort;
    settings.GatewayPort = parse.GetValue(gatewayPort) ?? settings.GatewayPort;
    settings.PrimarySiloPort = parse.GetValue(primary) ?? settings.PrimarySiloPort;

    builder.AddEcosystemTelemetry("ecosystem-silo", telemetry => telemetry.MetricsPort = parse.GetValue(metricsPort) ?? telemetry.MetricsPort);
    builder.UseOrleans(silo =>
    {
        var primaryEndpoint = settings.PrimarySiloPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, primaryEndpoint, settings.ServiceId, settings.ClusterId);
        silo.AddEcosystemSimulation();
    });
    await builder.Build().RunAsync(cancellationToken);
    return 0;
});
return await root.Parse(args).InvokeAsync();
