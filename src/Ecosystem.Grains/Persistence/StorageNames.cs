namespace Ecosystem.Grains.Persistence;

/// <summary>The grain storage provider the simulation's grains keep their small state in (memory in the embedded mode,
/// Redis in the cluster mode: the host decides).</summary>
public static class StorageNames
{
    /// <summary>Name of the grain storage provider.</summary>
    public const string Grains = "ecosystem";
}
