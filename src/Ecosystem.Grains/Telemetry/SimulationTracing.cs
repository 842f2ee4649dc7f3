using System.Diagnostics;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Telemetry;

namespace Ecosystem.Grains.Telemetry;

/// <summary>The simulation's spans: one per tick, one per phase inside it, one per scrape and one per training run.</summary>
/// <remarks>Spans are created only while a listener samples the source (a host with OTLP configured, or a test);
/// grain calls carry the trace context between silos (activity propagation), so a tick's spans form one trace.</remarks>
public static class SimulationTracing
{
    /// <summary>The activity source.</summary>
    public static ActivitySource Source { get; } = new(TelemetryNames.ActivitySource);

    /// <summary>Span name of a tick.</summary>
    public const string Tick = "tick";

    /// <summary>Span name of a vendor's scrape of the corpus.</summary>
    public const string Scrape = "scrape";

    /// <summary>Span name of fitting a model generation.</summary>
    public const string Train = "train";

    /// <summary>Span name of the step before the phases: shards and vendors start the tick from their committed state.</summary>
    public const string BeginTick = "begin tick";

    /// <summary>Span name of the step after the phases: shards seal the tick's segment, which commits it.</summary>
    public const string CommitTick = "commit tick";

    /// <summary>Span name of a phase.</summary>
    public static string PhaseName(TickPhase phase) => phase switch
    {
        TickPhase.HumansPublish => "humans publish",
        TickPhase.VendorsTrain => "vendors train",
        TickPhase.ModelsPublish => "models publish",
        TickPhase.Measure => "measure",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown tick phase."),
    };

    /// <summary>Starts the span of one tick of a run.</summary>
    public static Activity? StartTick(string runId, int tick) =>
        Source.StartActivity(Tick)?
            .SetTag(TelemetryAttributes.RunId, runId)
            .SetTag(TelemetryAttributes.Tick, tick);

    /// <summary>Runs one phase of a tick inside its span.</summary>
    public static async Task<T> InPhaseAsync<T>(TickPhase phase, int tick, Func<Task<T>> run)
    {
        using var activity = Source.StartActivity(PhaseName(phase))?
            .SetTag(TelemetryAttributes.Phase, phase.ToString())
            .SetTag(TelemetryAttributes.Tick, tick);
        return await run();
    }

    /// <summary>Runs a step of a tick outside its phases (<see cref="BeginTick"/>, <see cref="CommitTick"/>) inside its span.</summary>
    public static async Task InStepAsync(string step, int tick, Func<Task> run)
    {
        using var activity = Source.StartActivity(step)?.SetTag(TelemetryAttributes.Tick, tick);
        await run();
    }

    /// <summary>Starts the span of a vendor's scrape.</summary>
    public static Activity? StartScrape(string runId, int replicate, string vendor, int tick) =>
        Source.StartActivity(Scrape)?
            .SetTag(TelemetryAttributes.RunId, runId)
            .SetTag(TelemetryAttributes.Replicate, replicate)
            .SetTag(TelemetryAttributes.Vendor, vendor)
            .SetTag(TelemetryAttributes.Tick, tick);

    /// <summary>Starts the span of fitting one generation on <paramref name="documents"/> documents.</summary>
    public static Activity? StartTraining(string runId, int replicate, string vendor, int generation, int tick, int documents) =>
        Source.StartActivity(Train)?
            .SetTag(TelemetryAttributes.RunId, runId)
            .SetTag(TelemetryAttributes.Replicate, replicate)
            .SetTag(TelemetryAttributes.Vendor, vendor)
            .SetTag(TelemetryAttributes.Generation, generation)
            .SetTag(TelemetryAttributes.Tick, tick)
            .SetTag(TelemetryAttributes.Documents, documents);
}
