using Orleans.Placement;

namespace Ecosystem.Grains.Placement;

/// <summary>Marks a grain class for <see cref="AcceleratorPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AcceleratorPlacementAttribute() : PlacementAttribute(AcceleratorPlacement.Instance);
