namespace Ecosystem.Scenarios;

/// <summary>Guards against scenarios that outgrow the machine.</summary>
public sealed record LimitsSpec
{
    /// <summary>Most documents the corpora of all worlds together may hold; the run stops with an error after the tick
    /// that passes it. Null: no cap.</summary>
    public long? MaxCorpusDocuments { get; init; }
}
