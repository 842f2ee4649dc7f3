using System.CommandLine;
using Ecosystem.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ecosystem.Cli.Cluster;

/// <summary><c>ecosystem cluster up|down|status</c>: a Redis-backed cluster of silo processes on this machine, for
/// machines without a container engine.</summary>
public static class ClusterCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Option<string>("--dir")
        {
            Description = $"The cluster's folder: state.json (ports, process ids), Redis data, the blob store and logs (default: {LocalClusterLayout.DefaultFolder}).",
            DefaultValueFactory = _ => LocalClusterLayout.DefaultFolder,
        };
        var silos = new Option<int>("--silos") { Description = "Silo processes of a new cluster (default 3).", DefaultValueFactory = _ => 3 };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Do not start the dashboard. A new cluster started without it also leaves the Orleans dashboard's grains (and their per-call profiler) off its silos." };
        var dashboardPath = new Option<string?>("--dashboard") { Description = "The dashboard's build (its ecosystem-dashboard.dll or folder), if not found under dashboard/Ecosystem.Dashboard/bin." };
        var grace = new Option<int>("--grace") { Description = "Seconds each process has to stop after SIGTERM before it is killed (default 15).", DefaultValueFactory = _ => 15 };
        var purge = new Option<bool>("--purge") { Description = "Also delete the cluster's folder: Redis data, blobs and logs (unfinished runs can then no longer be resumed from the cluster)." };

        var up = new Command("up", "Start redis-server, the silos and (when built) the dashboard on free localhost ports, or whichever of them is not running; " +
                                   "waits until every silo is active and prints how to run on the cluster. A cluster started again keeps its ports and data.")
        {
            folder, silos, noDashboard, dashboardPath,
        };
        up.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(silos) is < 1 or > 16)
            {
                Console.Error.WriteLine($"--silos: found {parse.GetValue(silos)}; must be 1..16.");
                return ExitCodes.InvalidInput;
            }

            StorageSettings storage;
            try
            {
                // The silos inherit the environment, Storage__* included; read here only to check it and to say where blobs go.
                storage = StorageSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
                storage.Describe(new ClusterSettings());
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitCodes.InvalidInput;
            }

            var cluster = new LocalCluster(Layout(parse.GetValue(folder)!), Console.Out, storage);
            return await cluster.UpAsync(parse.GetValue(silos), !parse.GetValue(noDashboard), parse.GetValue(dashboardPath), cancellationToken)
                ? ExitCodes.Success
                : ExitCodes.Failure;
        });

        var down = new Command("down", "Stop the cluster's processes (SIGTERM, then SIGKILL after --grace seconds); its data is kept unless --purge.")
        {
            folder, grace, purge,
        };
        down.SetAction(async parse =>
        {
            if (parse.GetValue(grace) is < 1 or > 600)
            {
                Console.Error.WriteLine($"--grace: found {parse.GetValue(grace)}; must be 1..600.");
                return ExitCodes.InvalidInput;
            }

            await new LocalCluster(Layout(parse.GetValue(folder)!), Console.Out).DownAsync(TimeSpan.FromSeconds(parse.GetValue(grace)), parse.GetValue(purge));
            return ExitCodes.Success;
        });

        var status = new Command("status", "Show each process of the cluster (running or stopped, port, pid) and how many silos the cluster counts as active; exit code 1 when one is stopped.")
        {
            folder,
        };
        status.SetAction(async (parse, cancellationToken) =>
            await new LocalCluster(Layout(parse.GetValue(folder)!), Console.Out).StatusAsync(cancellationToken) ? ExitCodes.Success : ExitCodes.Failure);

        return new Command("cluster", "A cluster on this machine without containers: redis-server (Debian package redis-server), three silo processes " +
                                      "in Redis mode sharing a blob folder (or, with Storage__Kind=azure and Storage__AzureConnectionString in the environment, " +
                                      "an object store), and the dashboard when it is built. 'ecosystem run --cluster redis' runs on it.")
        {
            up, down, status,
        };
    }

    private static LocalClusterLayout Layout(string folder) => new(Path.GetFullPath(folder));
}
