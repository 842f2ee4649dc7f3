namespace Ecosystem.Abstractions.Simulation;

/// <summary>Where a run stands: its id, ticks done and planned, the tick being run now (null between ticks, and in a clock
/// re-activated after its silo failed), and the generations training right now.</summary>
[GenerateSerializer, Immutable]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] int CompletedTicks,
    [property: Id(2)] int TotalTicks,
    [property: Id(3)] bool Started,
    [property: Id(4)] IReadOnlyList<TrainingActivity> Training,
    [property: Id(5)] int? Advancing = null);
