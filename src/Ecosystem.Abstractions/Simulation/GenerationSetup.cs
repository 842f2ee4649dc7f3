namespace Ecosystem.Abstractions.Simulation;

/// <summary>Identity of a model generation: its run, world, vendor and number.</summary>
[GenerateSerializer, Immutable]
public sealed record GenerationSetup(
    [property: Id(0)] RunSpec Run,
    [property: Id(1)] int Replicate,
    [property: Id(2)] int VendorIndex,
    [property: Id(3)] int Generation,
    [property: Id(4)] int TrainedAtTick);
