namespace Ecosystem.Abstractions.Corpus;

/// <summary>One document published into the simulated web, with its full provenance.</summary>
/// <param name="Id">Unique, deterministic id; ordinal string order is the canonical order of documents.</param>
/// <param name="Tick">Simulated tick at which it was published.</param>
/// <param name="Phase">Phase of the tick in which it was published (see <see cref="TickPhase"/>).</param>
/// <param name="Provenance">Who wrote it.</param>
/// <param name="Content">Its tokens or values.</param>
[GenerateSerializer, Immutable]
public sealed record Document(
    [property: Id(0)] string Id,
    [property: Id(1)] int Tick,
    [property: Id(2)] TickPhase Phase,
    [property: Id(3)] Provenance Provenance,
    [property: Id(4)] DocumentContent Content);
