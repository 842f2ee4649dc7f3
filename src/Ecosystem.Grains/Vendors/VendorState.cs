namespace Ecosystem.Grains.Vendors;

/// <summary>The persisted state of a model vendor: its snapshot at the end of the last tick that changed it and the one
/// before, so that a tick interrupted after the vendor saved can be run again from the earlier one.</summary>
[GenerateSerializer]
public sealed class VendorState
{
    /// <summary>The latest snapshot; null before the vendor first changed.</summary>
    [Id(0)]
    public VendorSnapshot? Current { get; set; }

    /// <summary>The snapshot before <see cref="Current"/>; null when there was none.</summary>
    [Id(1)]
    public VendorSnapshot? Previous { get; set; }
}

/// <summary>A vendor as it was at the end of tick <see cref="Tick"/>.</summary>
[GenerateSerializer]
public sealed class VendorSnapshot
{
    /// <summary>The tick at whose end the vendor was in this state.</summary>
    [Id(0)]
    public int Tick { get; set; }

    /// <summary>The deployed generation (-1: none yet).</summary>
    [Id(1)]
    public int Generation { get; set; } = -1;

    /// <summary>The tick it last trained at, if any.</summary>
    [Id(2)]
    public int? LastTrainedTick { get; set; }

    /// <summary>Ticks of the training-data journal entries that, replayed in order, rebuild its training data.</summary>
    [Id(3)]
    public List<int> JournalTicks { get; set; } = [];
}
