using System.CommandLine;

namespace Ecosystem.Dashboard;

/// <summary>The <c>ecosystem-dashboard</c> command: its options and what starting the dashboard prints.</summary>
public static class DashboardCommand
{
    /// <summary>Exit code when the options or settings are invalid.</summary>
    public const int InvalidInput = 2;

    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, separated by ';' (default http://127.0.0.1:5080: this machine only)." };
        var token = new Option<string?>("--token") { Description = "Bearer token for control actions (start, pause, resume, stop, fork); at least 16 characters. Default: Dashboard__Token, else one generated and printed at start." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on http://localhost:PORT/metrics (default: Telemetry:MetricsPort; none)." };
        var runsDir = new Option<string?>("--runs-dir") { Description = "Folder of run folders: new runs are written there, and finished runs and sweep folders listed from it (default: runs)." };
        var scenariosDir = new Option<string?>("--scenarios-dir") { Description = "Folder of the scenarios that can be started by name (default: the shipped scenarios beside the program)." };
        var gatewayPorts = new Option<int[]>("--gateway-port")
        {
            Description = "Join the localhost cluster with this gateway port as a client instead of hosting a silo. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var clusterId = new Option<string?>("--cluster-id") { Description = "Orleans cluster id of the cluster to join (default: ecosystem)." };
        var serviceId = new Option<string?>("--service-id") { Description = "Orleans service id of the cluster to join (default: ecosystem)." };
        var root = new RootCommand("Ecosystem dashboard: lists runs, starts, pauses, resumes, stops and forks them, and shows their metrics live. " +
                                   "Settings come from appsettings.json, Dashboard__* environment variables and these options.")
        {
            urls, token, metricsPort, runsDir, scenariosDir, gatewayPorts, clusterId, serviceId,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(metricsPort) is < 1 or > 65535)
            {
                Console.Error.WriteLine($"--metrics-port: found {parse.GetValue(metricsPort)}; must be 1..65535.");
                return InvalidInput;
            }

            WebApplication app;
            try
            {
                app = DashboardApp.Build(
                    s =>
                    {
                        s.Urls = parse.GetValue(urls) ?? s.Urls;
                        s.Token = parse.GetValue(token) ?? s.Token;
                        s.RunsDirectory = parse.GetValue(runsDir) ?? s.RunsDirectory;
                        s.ScenariosDirectory = parse.GetValue(scenariosDir) ?? s.ScenariosDirectory;
                        s.GatewayPorts = parse.GetValue(gatewayPorts) is { Length: > 0 } ports ? ports : s.GatewayPorts;
                        s.ClusterId = parse.GetValue(clusterId) ?? s.ClusterId;
                        s.ServiceId = parse.GetValue(serviceId) ?? s.ServiceId;
                    },
                    t => t.MetricsPort = parse.GetValue(metricsPort) ?? t.MetricsPort);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return InvalidInput;
            }

            await using (app)
            {
                await app.StartAsync(cancellationToken);
                PrintBanner(app);
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return root;
    }

    private static void PrintBanner(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        var token = app.Services.GetRequiredService<Security.ControlToken>();
        var registry = app.Services.GetRequiredService<Runs.RunRegistry>();
        var url = app.Urls.FirstOrDefault() ?? settings.Urls;
        Console.Out.WriteLine($"Ecosystem dashboard: {url}/");
        var cluster = Ecosystem.Hosting.ClusterSettings.From(app.Configuration);
        Console.Out.WriteLine(cluster.Mode == Ecosystem.Hosting.ClusterMode.Redis
            ? $"Cluster client of the silos registered in Redis at {cluster.RedisConnectionString} (cluster '{cluster.ClusterId}')"
            : settings.GatewayPorts.Length == 0
                ? "Embedded silo"
                : $"Cluster client of gateway port(s) {string.Join(", ", settings.GatewayPorts)}");
        Console.Out.WriteLine(app.Services.GetRequiredService<OrleansDashboardMount>().Path is { } path
            ? $"Orleans dashboard: {url}{path}"
            : "Orleans dashboard: not served (set Cluster__OrleansDashboard=true on the silos and here)");
        Console.Out.WriteLine($"Runs folder: {registry.RunsDirectory}");
        Console.Out.WriteLine(token.IsGenerated
            ? $"Control token (generated; pass --token to choose one): {token.Value}{Environment.NewLine}Open {url}/#token={token.Value} to control runs from this browser."
            : "Control token: as configured.");
    }
}
