using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ecosystem.Telemetry.Tests;

/// <summary>A minimal OTLP/HTTP endpoint on a free loopback port: accepts every export request with an empty
/// (valid) protobuf response and keeps the request bodies by path (/v1/metrics, /v1/traces, /v1/logs).</summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _requests = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Waits until a request to <paramref name="path"/> holds every one of <paramref name="texts"/> (protobuf
    /// keeps strings as plain UTF-8, so names and attribute values can be found in the bytes).</summary>
    public async Task WaitForAsync(string path, TimeSpan timeout, params string[] texts)
    {
        var needles = texts.Select(Encoding.UTF8.GetBytes).ToList();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!_requests.Any(r => r.Path == path && needles.All(n => r.Body.AsSpan().IndexOf(n) >= 0)))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"no OTLP request to {path} holding {string.Join(", ", texts)} within {timeout.TotalSeconds} s; " +
                                           $"received: {string.Join(", ", _requests.Select(r => $"{r.Path} ({r.Body.Length} bytes)"))}");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _requests.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }
}
