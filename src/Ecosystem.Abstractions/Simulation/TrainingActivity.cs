namespace Ecosystem.Abstractions.Simulation;

/// <summary>The latest progress of a generation being trained: epoch, optimiser step, loss and throughput.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingActivity(
    [property: Id(0)] int Replicate,
    [property: Id(1)] string Vendor,
    [property: Id(2)] int Generation,
    [property: Id(3)] int Epoch,
    [property: Id(4)] int Epochs,
    [property: Id(5)] int Step,
    [property: Id(6)] int Steps,
    [property: Id(7)] double Loss,
    [property: Id(8)] double TokensPerSecond)
{
    /// <summary>The generation number of a pretrained base being built (it precedes generation 0).</summary>
    public const int BaseGeneration = -1;

    /// <summary>Time left at the mean pace of the training so far; null when unknown (JSON has no NaN).</summary>
    [Id(9)]
    public double? EtaSeconds { get; init; }
}
