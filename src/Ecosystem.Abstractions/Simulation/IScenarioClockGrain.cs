using Orleans.Concurrency;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>The clock of one run: advances ticks, running the phases in order with a barrier after each.</summary>
/// <remarks>Keyed by run id.</remarks>
public interface IScenarioClockGrain : IGrainWithStringKey
{
    /// <summary>Sets up every world of the run; calling it again with the same spec does nothing (a run whose state
    /// survived in the cluster's storage continues where it stopped).</summary>
    Task StartAsync(RunSpec spec);

    /// <summary>Runs tick <paramref name="tick"/> to completion, commits it and returns what it produced. The tick must be
    /// the next one; asking again for the tick just committed returns its report again (a retried call whose answer
    /// was lost).</summary>
    Task<TickReport> AdvanceAsync(int tick);

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
