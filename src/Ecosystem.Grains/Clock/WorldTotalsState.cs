namespace Ecosystem.Grains.Clock;

/// <summary>The persisted form of <see cref="WorldTotals"/>.</summary>
[GenerateSerializer]
public sealed class WorldTotalsState
{
    /// <summary>Human documents so far.</summary>
    [Id(0)]
    public long HumanDocuments { get; set; }

    /// <summary>Assisted documents so far.</summary>
    [Id(1)]
    public long AssistedDocuments { get; set; }

    /// <summary>Synthetic documents so far.</summary>
    [Id(2)]
    public long SyntheticDocuments { get; set; }

    /// <summary>Human tokens (or values) so far.</summary>
    [Id(3)]
    public long HumanUnits { get; set; }

    /// <summary>Synthetic tokens (or values) so far.</summary>
    [Id(4)]
    public long SyntheticUnits { get; set; }

    /// <summary>Documents per genre label so far.</summary>
    [Id(5)]
    public Dictionary<string, long> Genres { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Registers of the distinct-bigram sketch, or null when not kept.</summary>
    [Id(6)]
    public byte[]? BigramRegisters { get; set; }

    /// <summary>Bigrams of every document so far.</summary>
    [Id(7)]
    public long BigramOccurrences { get; set; }
}
