namespace Ecosystem.Runner;

/// <summary>Holds a run between ticks while it is paused: the tick in progress finishes and is written, the next
/// one starts only after <see cref="Resume"/>. Cancelling the run releases a held gate.</summary>
public sealed class RunPauseGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _resumed;
    private bool _holding;

    /// <summary>Raised when a run starts (true) or stops (false) waiting at the gate.</summary>
    public event Action<bool>? HoldingChanged;

    /// <summary>Whether a pause is in force (the run may still be finishing its current tick).</summary>
    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return _resumed is not null;
            }
        }
    }

    /// <summary>Whether the run is waiting at the gate right now.</summary>
    public bool IsHolding
    {
        get
        {
            lock (_lock)
            {
                return _holding;
            }
        }
    }

    /// <summary>Asks the run to stop before its next tick.</summary>
    /// <returns>False when a pause was already in force.</returns>
    public bool Pause()
    {
        lock (_lock)
        {
            if (_resumed is not null)
            {
                return false;
            }

            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    /// <summary>Lets the run go on.</summary>
    /// <returns>False when no pause was in force.</returns>
    public bool Resume()
    {
        TaskCompletionSource? resumed;
        lock (_lock)
        {
            resumed = _resumed;
            _resumed = null;
        }

        resumed?.SetResult();
        return resumed is not null;
    }

    /// <summary>Returns at once when not paused; otherwise waits for <see cref="Resume"/> or cancellation.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled while paused.</exception>
    public async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        Task resumed;
        lock (_lock)
        {
            if (_resumed is null)
            {
                return;
            }

            resumed = _resumed.Task;
            _holding = true;
        }

        HoldingChanged?.Invoke(true);
        try
        {
            await resumed.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _holding = false;
            }

            HoldingChanged?.Invoke(false);
        }
    }
}
