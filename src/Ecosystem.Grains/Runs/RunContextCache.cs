using System.Collections.Concurrent;
using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Runs;

/// <summary>Per-silo cache of <see cref="RunContext"/>s, so that a run's corpus and reference models load once per silo.</summary>
public sealed class RunContextCache
{
    private readonly ConcurrentDictionary<string, Lazy<RunContext>> _contexts = new(StringComparer.Ordinal);

    /// <summary>The context of <paramref name="spec"/>'s run, created on first use.</summary>
    public RunContext Get(RunSpec spec) =>
        _contexts.GetOrAdd(spec.RunId, _ => new Lazy<RunContext>(() => new RunContext(spec))).Value;

    /// <summary>Forgets a finished run.</summary>
    public void Release(string runId) => _contexts.TryRemove(runId, out _);
}
