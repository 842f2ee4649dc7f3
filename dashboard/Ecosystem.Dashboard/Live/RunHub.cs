using Ecosystem.Dashboard.Runs;
using Microsoft.AspNetCore.SignalR;

namespace Ecosystem.Dashboard.Live;

/// <summary>Pushes runs to the pages: every page gets <c>status</c> messages (a run's summary changed); a page that
/// watches a run also gets its <c>tick</c> messages (the rows of each completed tick). Read-only, so open to all.</summary>
public sealed class RunHub(RunRegistry registry) : Hub
{
    /// <summary>Route of the hub.</summary>
    public const string Path = "/hubs/runs";

    /// <summary>Name of the message that carries a completed tick.</summary>
    public const string TickMessage = "tick";

    /// <summary>Name of the message that carries a changed run summary.</summary>
    public const string StatusMessage = "status";

    /// <summary>The SignalR group of the pages watching a run.</summary>
    public static string GroupOf(string runId) => "run:" + runId;

    /// <summary>Starts sending the run's ticks to this page and returns every row so far. Ticks that complete while
    /// the history is read may arrive twice; pages keep the first copy of each tick.</summary>
    public async Task<RunSnapshot> Watch(string runId)
    {
        if (!RunIds.IsWellFormed(runId))
        {
            throw new HubException($"'{runId}' is not a run id ({RunIds.Description}).");
        }

        if (registry.Find(runId) is null)
        {
            throw new HubException($"There is no run '{runId}'.");
        }

        // Join first, then read: a tick is recorded before it is sent, so it is in the history, in a push, or both.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId));
        var (run, rows) = registry.Snapshot(runId) ?? throw new HubException($"There is no run '{runId}'.");
        return new RunSnapshot(run, rows);
    }

    /// <summary>Stops sending the run's ticks to this page.</summary>
    public Task Unwatch(string runId) =>
        RunIds.IsWellFormed(runId) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(runId)) : Task.CompletedTask;
}
