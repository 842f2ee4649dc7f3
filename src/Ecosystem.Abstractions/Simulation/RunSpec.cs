namespace Ecosystem.Abstractions.Simulation;

/// <summary>What every grain of a run needs to know: the run's id and its resolved scenario as JSON.</summary>
/// <remarks>The scenario travels as canonical JSON so that this assembly stays free of scenario types;
/// each silo parses it once per run.</remarks>
[GenerateSerializer, Immutable]
public sealed record RunSpec(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ScenarioJson);
