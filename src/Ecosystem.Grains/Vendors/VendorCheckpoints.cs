using Ecosystem.Grains.Persistence;

namespace Ecosystem.Grains.Vendors;

/// <summary>A vendor's state as it was at the end of a tick: deployed generation, last training tick and training data.</summary>
public sealed record VendorProgress(int Generation, int? LastTrainedTick, TrainingSetBuilder TrainingSets);

/// <summary>Persists a model vendor tick by tick: a snapshot (<see cref="VendorState"/>) in grain storage and the
/// changes of its training data as a journal in the blob store, and gives back the state a tick starts from.</summary>
/// <remarks>A tick is the unit of consistency. The vendor saves once its part of tick t is done; if tick t is then run
/// again (a silo failed before the clock committed it), the vendor starts it from the snapshot of an earlier tick, and
/// the journal entry of tick t is written again, identically.</remarks>
public sealed class VendorCheckpoints(IPersistentState<VendorState> state, IBlobStore blobs, string vendorKey)
{
    private readonly string _folder = BlobNames.FolderOf("vendors", vendorKey);
    private readonly TrainingSetJournal _journal = new();
    private bool _restored;
    private bool _saving;

    /// <summary>True when the vendor's state in memory may not be the one tick <paramref name="tick"/> starts from: this
    /// activation has not restored it yet, or it changed during this tick (an interrupted attempt) or after the last save.</summary>
    public bool NeedsRestore(int tick, VendorProgress inMemory) =>
        !_restored || _saving
        || inMemory.LastTrainedTick >= tick
        || state.State.Current?.Tick >= tick
        || _journal.HasChange(inMemory.TrainingSets);

    /// <summary>The state at the end of the latest saved tick before <paramref name="tick"/>.</summary>
    /// <exception cref="InvalidDataException">A journal entry named by the snapshot is missing.</exception>
    public async Task<VendorProgress> RestoreBeforeAsync(int tick)
    {
        if (_restored)
        {
            // Storage holds the truth; memory may hold an unsaved or half-saved change.
            await state.ReadStateAsync();
        }

        var saved = state.State;
        var snapshot = saved.Current is { } current && current.Tick < tick ? current
            : saved.Previous is { } previous && previous.Tick < tick ? previous
            : null;
        state.State = new VendorState { Current = snapshot, Previous = ReferenceEquals(snapshot, saved.Current) ? saved.Previous : null };

        var changes = new List<TrainingSetChange>();
        foreach (var journalTick in snapshot?.JournalTicks ?? [])
        {
            changes.Add(await blobs.ReadAsync<TrainingSetChange>(JournalName(journalTick))
                ?? throw new InvalidDataException($"Vendor '{vendorKey}': the training-data journal entry of tick {journalTick} is missing from the blob store."));
        }

        _restored = true;
        _saving = false;
        return new VendorProgress(snapshot?.Generation ?? -1, snapshot?.LastTrainedTick, _journal.Replay(changes));
    }

    /// <summary>Saves the state at the end of <paramref name="tick"/> if it changed during the tick.</summary>
    public async Task SaveAsync(int tick, VendorProgress progress)
    {
        var current = state.State.Current;
        var change = _journal.HasChange(progress.TrainingSets);
        if (!change && (current?.Generation ?? -1) == progress.Generation && current?.LastTrainedTick == progress.LastTrainedTick)
        {
            return;
        }

        _saving = true;
        var journalTicks = new List<int>(current?.JournalTicks ?? []);
        if (_journal.TakeChange(progress.TrainingSets) is { } entry)
        {
            await blobs.WriteAsync(JournalName(tick), entry);
            journalTicks.Add(tick);
        }

        state.State = new VendorState
        {
            Previous = current,
            Current = new VendorSnapshot { Tick = tick, Generation = progress.Generation, LastTrainedTick = progress.LastTrainedTick, JournalTicks = journalTicks },
        };
        await state.WriteStateAsync();
        _saving = false;
    }

    /// <summary>Deletes the journal and the state: the run is over.</summary>
    public async Task ClearAsync()
    {
        await blobs.DeleteFolderAsync(_folder);
        await state.ClearStateAsync();
    }

    private string JournalName(int tick) => BlobNames.TickItem(_folder, "training-data", tick);
}
