using System.Diagnostics;

namespace Ecosystem.Cli;

/// <summary>Progress for output that is not a terminal (a log file, CI): a line is written when its text changes, and
/// at most about once a second unless the run has moved to another tick, so a log holds progress rather than the
/// same line hundreds of times.</summary>
public sealed class ProgressLines<T>(TextWriter output, Func<T, string> describe, Func<T, int> stage, TimeSpan? interval = null) : IProgress<T>
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = new();
    private readonly Lock _gate = new();
    private string? _last;
    private int _lastStage = int.MinValue;

    /// <inheritdoc />
    public void Report(T value)
    {
        var line = describe(value);
        var current = stage(value);
        lock (_gate)
        {
            if (line == _last || (current == _lastStage && _clock.IsRunning && _clock.Elapsed < _interval))
            {
                return;
            }

            _last = line;
            _lastStage = current;
            _clock.Restart();
            output.WriteLine(line);
        }
    }
}
