namespace Ecosystem.Benchmarks.Engine;

/// <summary>What one tick of an engine run did and how long it took.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Seconds">Wall seconds (measurements taken by the benchmark excluded).</param>
/// <param name="Published">Documents published during the tick.</param>
/// <param name="Ingested">Documents the vendor scraped into its training set during the tick.</param>
/// <param name="Held">Documents held by the corpus shards at the end of the tick.</param>
/// <param name="Spans">Wall seconds of the tick's spans by span name (see <see cref="EngineMetrics.Spans"/>).</param>
public sealed record TickFigures(int Tick, double Seconds, long Published, long Ingested, long Held, IReadOnlyDictionary<string, double> Spans);
