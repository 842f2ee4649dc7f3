using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Ecosystem.Corpus;

namespace Ecosystem.Cluster.Tests;

/// <summary>Azurite's blob service (the Azure Blob Storage emulator) as a real process on a free localhost port, with an
/// account and key of its own, its data in a folder; disposing stops it.</summary>
/// <remarks>Installed by <c>scripts/install-test-deps.sh</c> into the cache folder (<see cref="CorpusCache"/>), outside
/// the repository. Started with <c>--skipApiVersionCheck</c>: the SDK asks for a newer API version than the Azurite
/// release that runs on Node.js 20 knows, for requests that version does not change.</remarks>
internal sealed class AzuriteServer : IAsyncDisposable
{
    private const string Account = "ecosystem";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private AzuriteServer(Process process, int port, string key)
    {
        _process = process;
        Port = port;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};BlobEndpoint={Endpoint(port)};";
    }

    /// <summary>The blob service's port.</summary>
    public int Port { get; }

    /// <summary>The connection string of the account, for <c>Storage__AzureConnectionString</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The blob endpoint of the account, as error messages and <c>cluster up</c> name it.</summary>
    public string BlobEndpoint => Endpoint(Port);

    /// <summary>Azurite's blob service program.</summary>
    public static string Program => Path.Combine(CorpusCache.ResolveDirectory(), "azurite", "node_modules", ".bin", "azurite-blob");

    /// <summary>The environment that makes silos (and <c>ecosystem</c>) keep their blobs in <paramref name="container"/>.</summary>
    public IReadOnlyDictionary<string, string> StorageEnvironment(string container) => new Dictionary<string, string>
    {
        ["Storage__Kind"] = "azure",
        ["Storage__AzureConnectionString"] = ConnectionString,
        ["Storage__AzureContainer"] = container,
    };

    /// <summary>Starts Azurite with its data in <paramref name="location"/> and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed, or did not start.</exception>
    public static async Task<AzuriteServer> StartAsync(string location)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"Azurite is not installed ({Program} is missing): run 'bash scripts/install-test-deps.sh'.");
        }

        Directory.CreateDirectory(location);
        var port = FreePort();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var info = new ProcessStartInfo(Program)
        {
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", location,
                     "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        // An account of its own rather than the emulator's well-known one: a store that accepts requests signed with
        // this key is this one.
        info.Environment["AZURITE_ACCOUNTS"] = $"{Account}:{key}";
        var process = new Process { StartInfo = info };
        var server = new AzuriteServer(process, port, key);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills Azurite at once (SIGKILL), as a crash of the store would; its data stays in its folder.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on port {Port} within {StartTimeout.TotalSeconds:F0} s:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string Endpoint(int port) => $"http://127.0.0.1:{port}/{Account}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
