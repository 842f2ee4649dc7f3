using Orleans.Concurrency;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>The clock of one run: advances ticks, running the phases in order with a barrier after each.</summary>
/// <remarks>Keyed by run id.</remarks>
public interface IScenarioClockGrain : IGrainWithStringKey
{
    /// <summary>Sets up every world of the run; calling it again with the same spec does nothing.</summary>
    Task StartAsync(RunSpec spec);

    /// <summary>Runs the next tick to completion and returns what it produced.</summary>
    Task<TickReport> AdvanceAsync();

    /// <summary>Releases every grain of the run (shards, vendors, their generations) and the silos' cached context, so a
    /// long-lived cluster does not keep finished runs in memory.</summary>
    Task FinishAsync();

    /// <summary>Where the run stands; answers while a tick is running.</summary>
    [AlwaysInterleave]
    Task<RunStatus> GetStatusAsync();

    /// <summary>Records the progress of a generation in training (sent by model generations while they train).</summary>
    [AlwaysInterleave, OneWay]
    Task ReportTrainingAsync(TrainingActivity activity);
}
