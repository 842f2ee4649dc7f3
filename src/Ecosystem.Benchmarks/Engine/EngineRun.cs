namespace Ecosystem.Benchmarks.Engine;

/// <summary>The measurements of one run of an engine case, and the steady-state figures derived from them.</summary>
/// <remarks>Steady state leaves out the first tick, which also starts the run: parsing the scenario, building the
/// author roster and the genre classifier, activating every grain.</remarks>
/// <param name="Case">The case.</param>
/// <param name="Ticks">Per-tick figures, in order.</param>
/// <param name="Baseline">Live memory with the silo started and the corpus cached, before the run.</param>
/// <param name="AfterFirstTick">Live memory after the first tick.</param>
/// <param name="End">Live memory after the last tick, with every grain still active.</param>
/// <param name="PeakManagedHeapBytes">Highest managed heap sampled during the run (garbage included).</param>
/// <param name="PeakWorkingSetBytes">Highest working set sampled during the run.</param>
public sealed record EngineRun(
    EngineCase Case,
    IReadOnlyList<TickFigures> Ticks,
    MemorySnapshot Baseline,
    MemorySnapshot AfterFirstTick,
    MemorySnapshot End,
    long PeakManagedHeapBytes,
    long PeakWorkingSetBytes)
{
    private IEnumerable<TickFigures> Steady => Ticks.Skip(1);

    /// <summary>Documents published per wall second over the steady-state ticks.</summary>
    public double DocumentsPerSecond => Steady.Sum(t => t.Published) / Steady.Sum(t => t.Seconds);

    /// <summary>Documents scraped into training sets per wall second over the steady-state ticks.</summary>
    public double IngestedPerSecond => Steady.Sum(t => t.Ingested) / Steady.Sum(t => t.Seconds);

    /// <summary>Median wall seconds of a steady-state tick.</summary>
    public double MedianTickSeconds => Statistics.Median(Steady.Select(t => t.Seconds));

    /// <summary>Median over the steady-state ticks of the wall seconds a tick spent in spans named <paramref name="span"/>.</summary>
    public double MedianSpanSeconds(string span) => Statistics.Median(Steady.Select(t => t.Spans.GetValueOrDefault(span)));

    /// <summary>Wall seconds of the first tick, including starting the run.</summary>
    public double FirstTickSeconds => Ticks[0].Seconds;

    /// <summary>Documents held at the end.</summary>
    public long DocumentsHeld => Ticks[^1].Held;

    /// <summary>Growth of the live managed heap from the end of the first tick to the end of the run, per document added
    /// to the shards in between: what the engine keeps per published document, whatever holds it.</summary>
    public double BytesPerDocumentHeld =>
        (double)(End.ManagedHeapBytes - AfterFirstTick.ManagedHeapBytes) / (Ticks[^1].Held - Ticks[0].Held);
}
