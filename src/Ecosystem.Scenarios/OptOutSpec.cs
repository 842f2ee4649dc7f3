namespace Ecosystem.Scenarios;

/// <summary>People blocking AI crawlers (robots.txt, terms of service; Longpre et al. 2024, "Consent in Crisis"): the
/// share of human authors whose documents vendors may not train on, growing tick by tick, optionally per genre.</summary>
public sealed record OptOutSpec
{
    /// <summary>Share of the authors opted out at tick 0.</summary>
    public double Share { get; init; }

    /// <summary>Added to the share at every tick (the share never exceeds 1).</summary>
    public double GrowthPerTick { get; init; }

    /// <summary>Per genre (text data), a share and growth of its own in place of the overall ones.</summary>
    public IReadOnlyDictionary<string, OptOutRate>? Genres { get; init; }
}

/// <summary>The opted-out share of one genre's authors: its value at tick 0 and its growth per tick.</summary>
public sealed record OptOutRate
{
    /// <summary>Share of the genre's authors opted out at tick 0.</summary>
    public double Share { get; init; }

    /// <summary>Added to the share at every tick.</summary>
    public double GrowthPerTick { get; init; }
}
