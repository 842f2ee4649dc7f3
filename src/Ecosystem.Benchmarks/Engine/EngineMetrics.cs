using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Telemetry;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>Names and units of the engine suite's figures.</summary>
public static class EngineMetrics
{
    public const string Authors = "authors";
    public const string DocumentsPerTick = "documents_per_tick";
    public const string Ticks = "ticks";
    public const string Runs = "runs";
    public const string DocumentTokens = "document_tokens";
    public const string DocumentsPerSecond = "documents_per_second";
    public const string DocumentsPerSecondMin = "documents_per_second_min";
    public const string DocumentsPerSecondMax = "documents_per_second_max";
    public const string IngestedPerSecond = "ingested_documents_per_second";
    public const string TickSeconds = "tick_seconds";
    public const string FirstTickSeconds = "first_tick_seconds";
    public const string DocumentsHeld = "documents_held";
    public const string BaselineManagedHeap = "baseline_managed_heap";
    public const string PeakManagedHeap = "peak_managed_heap";
    public const string EndManagedHeap = "end_managed_heap";
    public const string PeakWorkingSet = "peak_working_set";
    public const string EndWorkingSet = "end_working_set";
    public const string BytesPerDocumentHeld = "bytes_per_document_held";

    /// <summary>The simulation's spans a steady-state tick is broken down into, in the order they run, with the figure
    /// each gives (median seconds per tick). Scrape and train run inside "vendors train".</summary>
    public static IReadOnlyList<(string Span, string Metric)> Spans { get; } =
    [
        (SimulationTracing.BeginTick, "span_begin_tick_seconds"),
        (SimulationTracing.PhaseName(TickPhase.HumansPublish), "span_humans_publish_seconds"),
        (SimulationTracing.PhaseName(TickPhase.VendorsTrain), "span_vendors_train_seconds"),
        (SimulationTracing.Scrape, "span_scrape_seconds"),
        (SimulationTracing.Train, "span_train_seconds"),
        (SimulationTracing.PhaseName(TickPhase.ModelsPublish), "span_models_publish_seconds"),
        (SimulationTracing.PhaseName(TickPhase.Measure), "span_measure_seconds"),
        (SimulationTracing.CommitTick, "span_commit_tick_seconds"),
        (SimulationTracing.Tick, "span_tick_seconds"),
    ];
}
