using Ecosystem.Abstractions.Simulation;
using Ecosystem.Grains.Authors;
using Ecosystem.Grains.Measurement;
using Ecosystem.Grains.Persistence;

namespace Ecosystem.Grains.Clock;

/// <summary>Persists a run's clock: its state in grain storage, committed once per tick, and each committed tick's report
/// in the blob store, so a retried call for a tick whose answer was lost gets the same report again.</summary>
/// <remarks>Committing the clock's state is what makes a tick done: the grains' own saves during the tick only count
/// once it is committed, and a tick that fails before is run again from the committed state.</remarks>
public sealed class ClockCheckpoint(IPersistentState<ClockState> state, IBlobStore blobs, string runId)
{
    private readonly string _folder = BlobNames.FolderOf("clocks", runId);

    /// <summary>The committed state, or null when the run has not started.</summary>
    public ClockState? Committed => state.State.Spec is null ? null : state.State;

    /// <summary>Reads the committed state again from storage (after a failure, memory may be ahead of it).</summary>
    public Task ReloadAsync() => state.ReadStateAsync();

    /// <summary>The state to commit after <paramref name="completedTicks"/> ticks.</summary>
    public static ClockState Capture(RunSpec spec, int completedTicks, IEnumerable<WorldTotals> totals, WatermarkTotals? watermarks, HumanPopulation population) => new()
    {
        Spec = spec,
        CompletedTicks = completedTicks,
        Worlds = totals.Select(t => t.ToState()).ToList(),
        WatermarkCounts = watermarks?.Counts,
        OutputFactors = population.OutputFactors,
    };

    /// <summary>Commits <paramref name="next"/>; <paramref name="report"/> is the report of the tick it completes, if any.</summary>
    public async Task CommitAsync(ClockState next, TickReport? report)
    {
        if (report is not null)
        {
            await blobs.WriteAsync(ReportName(report.Tick), report);
        }

        state.State = next;
        await state.WriteStateAsync();
    }

    /// <summary>The report of a committed tick, or null when it is not kept.</summary>
    public Task<TickReport?> ReportOfAsync(int tick) => blobs.ReadAsync<TickReport>(ReportName(tick));

    /// <summary>Deletes the reports and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }

    private string ReportName(int tick) => BlobNames.TickItem(_folder, "report", tick);
}
