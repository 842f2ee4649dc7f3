namespace Ecosystem.Abstractions.Telemetry;

/// <summary>Names of the simulation's meter and activity source, and of the Orleans sources every host also collects.</summary>
public static class TelemetryNames
{
    /// <summary>The meter whose gauges carry the per-tick metrics.</summary>
    public const string Meter = "Ecosystem.Simulation";

    /// <summary>The activity source of tick, phase, scrape and training spans.</summary>
    public const string ActivitySource = "Ecosystem.Simulation";

    /// <summary>Orleans' own meter (messaging, activations, scheduler, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: runtime calls and application grain calls.</summary>
    public static IReadOnlyList<string> OrleansActivitySources { get; } = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
}
