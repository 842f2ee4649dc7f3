namespace Ecosystem.Abstractions.Simulation;

/// <summary>What one human author publishes at a tick: how many documents, and where in its queue of real documents it
/// continues.</summary>
/// <param name="Author">The author's index in the run's roster.</param>
/// <param name="Count">Documents to publish.</param>
/// <param name="QueueStart">Documents the author published before this tick.</param>
[GenerateSerializer, Immutable]
public sealed record AuthorQuota(
    [property: Id(0)] int Author,
    [property: Id(1)] int Count,
    [property: Id(2)] int QueueStart);
