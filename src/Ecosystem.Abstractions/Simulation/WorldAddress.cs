namespace Ecosystem.Abstractions.Simulation;

/// <summary>Grain keys of one world of a run; a run has one world per replicate.</summary>
public readonly record struct WorldAddress(string RunId, int Replicate)
{
    /// <summary>Key prefix shared by every grain of this world.</summary>
    public string Prefix => $"{RunId}/r{Replicate:D5}";

    /// <summary>Key of a grain of a cohort of human authors.</summary>
    public string Cohort(int index) => $"{Prefix}/h{index:D6}";

    /// <summary>Key of a corpus shard grain.</summary>
    public string Shard(int index) => $"{Prefix}/s{index:D4}";

    /// <summary>Key of a model vendor grain.</summary>
    public string Vendor(string name) => $"{Prefix}/v/{name}";

    /// <summary>Key of a model generation grain.</summary>
    public string Generation(string vendor, int generation) => $"{Prefix}/v/{vendor}/g{generation:D4}";
}
