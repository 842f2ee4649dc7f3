using System.Globalization;
using Ecosystem.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecosystem.Cli.Cluster;

/// <summary>A cluster on this machine without a container engine: redis-server, silo host processes and (when built)
/// the dashboard on free localhost ports, recorded in a folder (<see cref="LocalClusterLayout"/>,
/// <see cref="LocalClusterState"/>) so that later commands find, restart and stop them.</summary>
/// <remarks>Ports are chosen once and kept: a cluster stopped and started again reuses them, its Redis data and its blob
/// store, so unfinished runs can be resumed. The silos inherit this process's environment, so <c>Storage__*</c> set for
/// <c>cluster up</c> (<paramref name="storage"/>) puts their blobs in an object store instead of the cluster's folder.</remarks>
public sealed class LocalCluster(LocalClusterLayout layout, TextWriter output, StorageSettings? storage = null)
{
    private readonly StorageSettings _storage = storage ?? new StorageSettings();

    private const string SiloProgram = "ecosystem-silo";
    private const string DashboardProgram = "ecosystem-dashboard";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Starts what is not running: Redis, the silos and the dashboard, then waits until every silo is active.</summary>
    /// <param name="silos">Silos of a new cluster (a cluster started before keeps its own).</param>
    /// <param name="dashboard">Start the dashboard when it is built.</param>
    /// <param name="dashboardPath">Where the dashboard's build is, if not found by itself.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>True when everything is up.</returns>
    public async Task<bool> UpAsync(int silos, bool dashboard, string? dashboardPath, CancellationToken cancellationToken)
    {
        layout.Create();
        var state = LocalClusterState.Load(layout.Root) ?? NewState(silos, dashboard);
        if (state.Silos.Count != silos)
        {
            output.WriteLine($"The cluster in {layout.Root} has {state.Silos.Count} silos; it keeps them (down --purge starts afresh).");
        }

        var redisServer = LocalProcesses.FindOnPath(RedisServer.Program);
        if (!LocalProcesses.IsRunning(state.Redis.Pid, RedisServer.Program))
        {
            if (redisServer is null)
            {
                output.WriteLine("redis-server is not installed: run 'bash scripts/install-test-deps.sh' (Debian package redis-server).");
                return false;
            }

            state = state with { Redis = state.Redis with { Pid = Start(redisServer, [], RedisServer.Arguments(state.Redis.Port, layout.RedisData), new Dictionary<string, string>(), state.Redis.Log) } };
            state.Save(layout.Root);
        }

        if (!await WaitAsync(() => RedisServer.PingAsync(state.Redis.Port, cancellationToken), TimeSpan.FromSeconds(20), cancellationToken))
        {
            output.WriteLine($"Redis did not answer on port {state.Redis.Port}:\n{LocalProcesses.Tail(state.Redis.Log)}");
            return false;
        }

        output.WriteLine($"Redis: 127.0.0.1:{state.Redis.Port} (pid {state.Redis.Pid}, data in {layout.RedisData})");

        var silo = ProgramLocator.Silo();
        var started = state.Silos.Select(s => LocalProcesses.IsRunning(s.Process.Pid, SiloProgram)
            ? s
            : s with { Process = s.Process with { Pid = Start(silo.FileName, silo.Prefix, SiloArguments(state, s), SiloEnvironment(state), s.Process.Log) } }).ToList();
        state = state with { Silos = started };
        state.Save(layout.Root);

        LocalProcess? dashboardProcess = null;
        if (dashboard)
        {
            var current = state.Dashboard ?? new LocalProcess("dashboard", LocalProcesses.FreePort(), null, Path.Combine(layout.Logs, "dashboard.log"));
            if (LocalProcesses.IsRunning(current.Pid, DashboardProgram))
            {
                dashboardProcess = current;
            }
            else if (ProgramLocator.Dashboard(dashboardPath) is { } program)
            {
                dashboardProcess = current with { Pid = Start(program.FileName, program.Prefix, DashboardArguments(current), ClientEnvironment(state), current.Log) };
            }
            else
            {
                output.WriteLine("Dashboard: not built, not started (build it with 'dotnet build dashboard/Ecosystem.Dashboard -c Release', or pass --dashboard PATH).");
            }

            state = state with { Dashboard = dashboardProcess ?? state.Dashboard };
            state.Save(layout.Root);
        }

        if (!await WaitForSilosAsync(state, cancellationToken))
        {
            return false;
        }

        foreach (var s in state.Silos)
        {
            var metrics = s.MetricsPort is { } port ? string.Create(CultureInfo.InvariantCulture, $", metrics http://localhost:{port}/metrics") : "";
            output.WriteLine($"{s.Process.Name}: silo port {s.SiloPort}, gateway port {s.Process.Port}{metrics} (pid {s.Process.Pid}, log {s.Process.Log})");
        }

        if (dashboardProcess is not null)
        {
            var link = await DashboardLinkAsync(dashboardProcess, cancellationToken);
            output.WriteLine($"Dashboard: {link ?? $"http://127.0.0.1:{dashboardProcess.Port}/ (not answering yet; see {dashboardProcess.Log})"} (pid {dashboardProcess.Pid})");
            output.WriteLine(state.OrleansDashboard
                ? string.Create(CultureInfo.InvariantCulture, $"Orleans dashboard: http://127.0.0.1:{dashboardProcess.Port}/orleans/")
                : "Orleans dashboard: not served (this cluster's silos were started without it; down --purge and up start afresh)");
        }

        output.WriteLine($"Blob store: {(_storage.Kind == StorageKind.Azure ? _storage.Describe(new ClusterSettings()) : layout.Blobs)}");
        output.WriteLine($"Run on it: ecosystem run SCENARIO --cluster redis --redis {state.RedisConnectionString}");
        return true;
    }

    /// <summary>Stops every process (dashboard, silos, then Redis, so silos leave the membership table cleanly):
    /// SIGTERM, then SIGKILL after <paramref name="grace"/>. Keeps the data unless <paramref name="purge"/>.</summary>
    public async Task DownAsync(TimeSpan grace, bool purge)
    {
        var state = LocalClusterState.Load(layout.Root);
        if (state is null)
        {
            output.WriteLine($"No cluster in {layout.Root}.");
        }
        else
        {
            if (state.Dashboard is { } dashboard)
            {
                output.WriteLine($"{dashboard.Name}: {await LocalProcesses.StopAsync(dashboard.Pid, DashboardProgram, grace)}");
                state = state with { Dashboard = dashboard with { Pid = null } };
            }

            var stopped = await Task.WhenAll(state.Silos.Select(async s => (Silo: s, Outcome: await LocalProcesses.StopAsync(s.Process.Pid, SiloProgram, grace))));
            foreach (var (s, outcome) in stopped)
            {
                output.WriteLine($"{s.Process.Name}: {outcome}");
            }

            output.WriteLine($"redis: {await LocalProcesses.StopAsync(state.Redis.Pid, RedisServer.Program, grace)}");
            state = state with
            {
                Silos = state.Silos.Select(s => s with { Process = s.Process with { Pid = null } }).ToList(),
                Redis = state.Redis with { Pid = null },
            };
            state.Save(layout.Root);
        }

        if (purge && Directory.Exists(layout.Root))
        {
            Directory.Delete(layout.Root, recursive: true);
            output.WriteLine($"Removed {layout.Root} (Redis data, blobs, logs).");
        }
        else if (state is not null)
        {
            output.WriteLine($"Data kept in {layout.Root}: 'cluster up' continues with it, 'cluster down --purge' removes it.");
        }
    }

    /// <summary>Prints each process and whether it runs, and the silos the cluster counts as active.</summary>
    /// <returns>True when every process runs.</returns>
    public async Task<bool> StatusAsync(CancellationToken cancellationToken)
    {
        var state = LocalClusterState.Load(layout.Root);
        if (state is null)
        {
            output.WriteLine($"No cluster in {layout.Root}.");
            return false;
        }

        var processes = new List<(LocalProcess Process, string Program)> { (state.Redis, RedisServer.Program) };
        processes.AddRange(state.Silos.Select(s => (s.Process, SiloProgram)));
        if (state.Dashboard is { } dashboard)
        {
            processes.Add((dashboard, DashboardProgram));
        }

        var allRunning = true;
        foreach (var (process, program) in processes)
        {
            var running = LocalProcesses.IsRunning(process.Pid, program);
            allRunning &= running;
            output.WriteLine($"{process.Name,-10} port {process.Port,5}  {(running ? $"running (pid {process.Pid})" : "stopped")}");
        }

        if (await RedisServer.PingAsync(state.Redis.Port, cancellationToken))
        {
            var active = await ActiveSilosAsync(state, TimeSpan.FromSeconds(10), cancellationToken);
            output.WriteLine(active is { } count ? $"Active silos: {count}" : "Active silos: no gateway answered");
        }

        return allRunning;
    }

    private LocalClusterState NewState(int silos, bool dashboard) => new()
    {
        OrleansDashboard = dashboard,
        ClusterId = "ecosystem",
        ServiceId = "ecosystem",
        Redis = new LocalProcess("redis", LocalProcesses.FreePort(), null, Path.Combine(layout.Logs, "redis.log")),
        Silos = Enumerable.Range(1, silos).Select(i => new LocalSilo(
            new LocalProcess(string.Create(CultureInfo.InvariantCulture, $"silo-{i}"), LocalProcesses.FreePort(), null,
                Path.Combine(layout.Logs, string.Create(CultureInfo.InvariantCulture, $"silo-{i}.log"))),
            LocalProcesses.FreePort(),
            LocalProcesses.FreePort())).ToList(),
    };

    private int Start(string fileName, IReadOnlyList<string> prefix, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string log)
    {
        File.AppendAllText(log, $"--- started {DateTimeOffset.Now:O} by ecosystem cluster up ---\n");
        return LocalProcesses.StartDetached(fileName, [.. prefix, .. arguments], environment, log, layout.Root);
    }

    private IEnumerable<string> SiloArguments(LocalClusterState state, LocalSilo silo) =>
    [
        "--cluster", "redis", "--redis", state.RedisConnectionString,
        "--silo-port", silo.SiloPort.ToString(CultureInfo.InvariantCulture),
        "--gateway-port", silo.Process.Port.ToString(CultureInfo.InvariantCulture),
        .. _storage.Kind == StorageKind.Azure ? [] : new[] { "--blob-dir", layout.Blobs },
        .. silo.MetricsPort is { } metrics ? new[] { "--metrics-port", metrics.ToString(CultureInfo.InvariantCulture) } : [],
    ];

    private static Dictionary<string, string> SiloEnvironment(LocalClusterState state) => new(ClientEnvironment(state))
    {
        // Silos on one machine answer probes quickly; a dead one is noticed in seconds rather than the default's half minute.
        ["Cluster__ProbeTimeoutSeconds"] = "2",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static Dictionary<string, string> ClientEnvironment(LocalClusterState state) => new()
    {
        ["Cluster__Mode"] = "redis",
        ["Cluster__RedisConnectionString"] = state.RedisConnectionString,
        ["Cluster__ClusterId"] = state.ClusterId,
        ["Cluster__ServiceId"] = state.ServiceId,
        ["Cluster__OrleansDashboard"] = state.OrleansDashboard ? "true" : "false",
    };

    private static IEnumerable<string> DashboardArguments(LocalProcess dashboard) =>
        ["--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{dashboard.Port}"), "--runs-dir", Path.GetFullPath("runs")];

    private async Task<bool> WaitForSilosAsync(LocalClusterState state, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (state.Silos.FirstOrDefault(s => !LocalProcesses.IsRunning(s.Process.Pid, SiloProgram)) is { } dead)
            {
                output.WriteLine($"{dead.Process.Name} exited:\n{LocalProcesses.Tail(dead.Process.Log)}");
                return false;
            }

            if (await ActiveSilosAsync(state, TimeSpan.FromSeconds(15), cancellationToken) >= state.Silos.Count)
            {
                return true;
            }

            await Task.Delay(1000, cancellationToken);
        }

        output.WriteLine($"The silos were not all active after {ReadyTimeout.TotalSeconds:F0} s; see the logs in {layout.Logs}.");
        return false;
    }

    /// <summary>The number of active silos as the cluster's management grain sees them, or null when no gateway answers.</summary>
    private static async Task<int?> ActiveSilosAsync(LocalClusterState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(ClientEnvironment(state).ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value));
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseEcosystemCluster(builder.Configuration));
        using var host = builder.Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await host.StartAsync(limit.Token);
            var hosts = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(limit.Token);
            await host.StopAsync(CancellationToken.None);
            return hosts.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<string?> DashboardLinkAsync(LocalProcess dashboard, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 60; i++)
        {
            var line = LocalProcesses.Tail(dashboard.Log, 40).Split('\n')
                .LastOrDefault(l => l.Contains("#token=", StringComparison.Ordinal) || l.StartsWith("Ecosystem dashboard:", StringComparison.Ordinal));
            if (line is not null && line.Contains("#token=", StringComparison.Ordinal))
            {
                return line[line.IndexOf("http", StringComparison.Ordinal)..].TrimEnd('.', ' ').Split(' ')[0];
            }

            await Task.Delay(1000, cancellationToken);
        }

        return null;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }
}
