namespace Ecosystem.Scenarios;

/// <summary>A whole experiment: the world (data, humans, vendors), how long it runs and what it measures.</summary>
/// <remarks>Defaults here must match the defaults published in <c>scenarios/scenario.schema.json</c>; a test checks it.</remarks>
public sealed record Scenario
{
    /// <summary>Short identifier, used in output folder names.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the scenario shows, for people.</summary>
    public string Description { get; init; } = "";

    /// <summary>Seed of every random stream in the run.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Number of simulated ticks.</summary>
    public int Ticks { get; init; } = 10;

    /// <summary>Independent copies of the world run side by side (for statistics over chains).</summary>
    public int Replicates { get; init; } = 1;

    /// <summary>Corpus shards per world.</summary>
    public int Shards { get; init; } = 4;

    /// <summary>What human authors write.</summary>
    public DataSpec Data { get; init; } = new();

    /// <summary>The human population.</summary>
    public HumanSpec Humans { get; init; } = new();

    /// <summary>The model vendors.</summary>
    public IReadOnlyList<VendorSpec> Vendors { get; init; } = [];

    /// <summary>What is measured.</summary>
    public MetricsSpec Metrics { get; init; } = new();

    /// <summary>Guards against scenarios that outgrow the machine.</summary>
    public LimitsSpec Limits { get; init; } = new();

    /// <summary>Policies that change during the run (a fork's changed policy is one of these).</summary>
    public IReadOnlyList<PolicyChange> Changes { get; init; } = [];
}
