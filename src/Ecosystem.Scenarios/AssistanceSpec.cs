namespace Ecosystem.Scenarios;

/// <summary>Adoption of AI writing assistance by the human authors: a growing share of their documents is written in
/// part by a vendor's deployed model (the person writes the start, the model the rest), with provenance saying so.</summary>
public sealed record AssistanceSpec
{
    /// <summary>The vendor whose deployed model assists.</summary>
    public string Vendor { get; init; } = "";

    /// <summary>First tick at which anyone uses assistance.</summary>
    public int Start { get; init; } = 1;

    /// <summary>Increase of the share of assisted documents per tick from <see cref="Start"/>.</summary>
    public double Rate { get; init; } = 0.1;

    /// <summary>Ceiling of the assisted share.</summary>
    public double Max { get; init; } = 1;

    /// <summary>Share of an assisted document's tokens the person writes (its start); the model continues for the rest.</summary>
    public double HumanShare { get; init; } = 0.5;

    /// <summary>Share of documents assisted at <paramref name="tick"/>.</summary>
    public double ShareAt(int tick) => tick < Start ? 0 : Math.Min(Max, Rate * (tick - Start + 1));
}
