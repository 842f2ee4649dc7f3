using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Ecosystem.Dashboard.Live;

/// <summary>Sends run updates to the pages one at a time, in the order they happened, so that a page never sees tick
/// 5 before tick 4; the run itself never waits for a slow page.</summary>
public sealed class LiveUpdates(IHubContext<RunHub> hub, ILogger<LiveUpdates> log) : BackgroundService
{
    private readonly Channel<Func<IHubClients, Task>> _queue = Channel.CreateUnbounded<Func<IHubClients, Task>>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a send.</summary>
    public void Post(Func<IHubClients, Task> send) => _queue.Writer.TryWrite(send);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var send in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await send(hub.Clients);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "A live update could not be sent.");
            }
        }
    }
}
