namespace Ecosystem.Grains.Placement;

/// <summary>Places a grain on a silo that announces the accelerator its first caller asked for, and anywhere otherwise.</summary>
[GenerateSerializer, Immutable]
public sealed class AcceleratorPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static AcceleratorPlacement Instance { get; } = new();
}
