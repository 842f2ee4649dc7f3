namespace Ecosystem.Telemetry.Tests;

/// <summary>The real silo host (<c>ecosystem-silo</c>) as its own process on free loopback ports, serving Prometheus
/// metrics; disposing kills it.</summary>
internal sealed class SiloHostProcess : IDisposable
{
    private readonly ChildProcess _process;

    private SiloHostProcess(ChildProcess process, int siloPort, int gatewayPort, int metricsPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        MetricsPort = metricsPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int MetricsPort { get; }

    /// <summary>The scrape target, as Prometheus addresses it (the endpoint binds to localhost by default).</summary>
    public string MetricsTarget => $"localhost:{MetricsPort}";

    public string Output => _process.Output;

    /// <summary>Starts a silo (joining the primary at <paramref name="primarySiloPort"/> when given) and waits until the
    /// host reports it has started.</summary>
    public static async Task<SiloHostProcess> StartAsync(int? primarySiloPort = null)
    {
        var (silo, gateway, metrics) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "ecosystem-silo.dll"),
            "--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--metrics-port", $"{metrics}",
            .. primarySiloPort is { } primary ? ["--primary-silo-port", $"{primary}"] : Array.Empty<string>(),
        ];

        // The SDK sets DOTNET_HOST_PATH for the processes it starts, test hosts included.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var process = ChildProcess.Start(dotnet, AppContext.BaseDirectory, arguments);
        var host = new SiloHostProcess(process, silo, gateway, metrics);
        try
        {
            await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Dispose() => _process.Dispose();
}
