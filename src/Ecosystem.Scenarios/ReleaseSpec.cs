namespace Ecosystem.Scenarios;

/// <summary>When a vendor trains and releases generations.</summary>
public sealed record ReleaseSpec
{
    /// <summary>Tick of generation 0.</summary>
    public int First { get; init; }

    /// <summary>Ticks between releases.</summary>
    public int Every { get; init; } = 1;
}
