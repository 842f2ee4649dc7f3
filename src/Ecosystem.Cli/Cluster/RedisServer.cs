using System.Net.Sockets;
using System.Text;

namespace Ecosystem.Cli.Cluster;

/// <summary>The local cluster's Redis server: its command line (data kept in an append-only file, so a restarted
/// server has every grain state and membership row it had) and a readiness check.</summary>
public static class RedisServer
{
    /// <summary>The program's name.</summary>
    public const string Program = "redis-server";

    /// <summary>Arguments for a server on 127.0.0.1:<paramref name="port"/> keeping its data in <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<string> Arguments(int port, string dataDirectory) =>
    [
        "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--bind", "127.0.0.1",
        "--dir", dataDirectory,
        // Every write goes to the append-only file before it is acknowledged; a killed server loses nothing written.
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "",
        "--daemonize", "no",
    ];

    /// <summary>True when a Redis server answers PING on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> PingAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
