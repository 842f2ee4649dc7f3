namespace Ecosystem.Experiments.Sweeps;

/// <summary>Where a sweep stands: runs finished (run now or reused from an earlier attempt) out of all.</summary>
/// <param name="Finished">Runs finished so far.</param>
/// <param name="Reused">Of those, runs found complete in the output folder and not run again.</param>
/// <param name="Total">Runs in the sweep.</param>
/// <param name="LastRun">Folder name of the run that just finished.</param>
/// <param name="Elapsed">Time since the sweep started.</param>
public sealed record SweepProgress(int Finished, int Reused, int Total, string LastRun, TimeSpan Elapsed);
