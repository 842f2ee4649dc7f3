using Ecosystem.Abstractions.Simulation;

namespace Ecosystem.Grains.Persistence;

/// <summary>Guards the part of a tick a grain holds only in memory: an activation serves calls of a tick only if it
/// began that tick itself. An activation created mid-tick (its predecessor was lost with its silo) refuses them, so the
/// tick fails and is run again rather than going on without what was lost.</summary>
public sealed class TickFence
{
    private int? _begun;

    /// <summary>Records that this activation began <paramref name="tick"/>.</summary>
    public void Begin(int tick) => _begun = tick;

    /// <summary>Throws when the current call belongs to a tick (see <see cref="TickContext"/>) this activation did not begin.</summary>
    /// <exception cref="TickInterruptedException">The activation did not begin the call's tick.</exception>
    public void Ensure(string grainKey)
    {
        if (TickContext.Current is { } tick && tick != _begun)
        {
            throw new TickInterruptedException(
                $"'{grainKey}' was re-activated during tick {tick} and lost its part of the tick; the tick must be run again.");
        }
    }
}
