namespace Ecosystem.Grains.Generations;

/// <summary>Where model generations keep their checkpoints (a folder every silo of the cluster can read).</summary>
public sealed class CheckpointOptions
{
    /// <summary>Root folder; each generation writes a sub-folder named after its grain key.</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "ecosystem-checkpoints");

    /// <summary>Also keep every checkpoint in the blob store, for silos that share no folder (an object store): a silo
    /// whose folder lacks a checkpoint fetches it from there.</summary>
    public bool InBlobStore { get; set; }
}
