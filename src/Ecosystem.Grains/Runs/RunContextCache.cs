using System.Collections.Concurrent;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Runs;

/// <summary>Per-silo cache of <see cref="RunContext"/>s, so that a run's corpus and reference models load once per silo.</summary>
/// <remarks>Loading runs on the thread pool, never on a grain's scheduler, and every grain of the run awaits the same task.</remarks>
public sealed class RunContextCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunContext>>> _contexts = new(StringComparer.Ordinal);

    /// <summary>The context of <paramref name="spec"/>'s run, loaded on first use.</summary>
    public Task<RunContext> GetAsync(RunSpec spec) =>
        _contexts.GetOrAdd(spec.RunId, _ => new Lazy<Task<RunContext>>(() => Task.Run(() => RunContext.LoadAsync(spec)))).Value;

    /// <summary>Forgets a finished run.</summary>
    public void Release(string runId) => _contexts.TryRemove(runId, out _);
}
