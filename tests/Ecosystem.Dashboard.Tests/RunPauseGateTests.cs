using Ecosystem.Runner;

namespace Ecosystem.Dashboard.Tests;

public sealed class RunPauseGateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Open_gate_lets_the_run_through_at_once()
    {
        var gate = new RunPauseGate();

        var passing = gate.WaitWhilePausedAsync(CancellationToken.None);

        Assert.True(passing.IsCompletedSuccessfully);
        Assert.False(gate.IsHolding);
        await passing;
    }

    [Fact]
    public async Task Paused_gate_holds_until_resumed_and_reports_holding()
    {
        var gate = new RunPauseGate();
        var changes = new List<bool>();
        gate.HoldingChanged += h => { lock (changes) { changes.Add(h); } };

        Assert.True(gate.Pause());
        Assert.False(gate.Pause());
        var waiting = gate.WaitWhilePausedAsync(CancellationToken.None);
        await Task.Delay(100);

        Assert.False(waiting.IsCompleted);
        Assert.True(gate.IsPaused);
        Assert.True(gate.IsHolding);

        Assert.True(gate.Resume());
        await waiting.WaitAsync(Wait);
        Assert.False(gate.IsPaused);
        Assert.False(gate.IsHolding);
        Assert.False(gate.Resume());
        Assert.Equal([true, false], changes);
    }

    [Fact]
    public async Task Cancelling_a_held_run_releases_it_with_cancellation()
    {
        var gate = new RunPauseGate();
        using var stop = new CancellationTokenSource();
        gate.Pause();
        var waiting = gate.WaitWhilePausedAsync(stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Wait));
        Assert.False(gate.IsHolding);
        Assert.True(gate.IsPaused);
    }

    [Fact]
    public async Task Resume_before_the_run_reaches_the_gate_cancels_the_pause()
    {
        var gate = new RunPauseGate();
        gate.Pause();
        gate.Resume();

        var passing = gate.WaitWhilePausedAsync(CancellationToken.None);

        Assert.True(passing.IsCompletedSuccessfully);
        await passing;
    }
}
