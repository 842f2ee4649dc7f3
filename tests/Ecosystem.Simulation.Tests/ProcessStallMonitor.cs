using System.Diagnostics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Records the moments when this whole process stood still (a blocking garbage collection, the operating system
/// running other processes on the same cores), seen by a thread of its own that wakes every few milliseconds.</summary>
/// <remarks>Lets a latency test tell a grain scheduler that was blocked from a process that was not running at all.</remarks>
internal sealed class ProcessStallMonitor : IDisposable
{
    private static readonly long MinimumGap = Stopwatch.Frequency / 50;
    private readonly List<(long From, long To)> _stalls = [];
    private readonly Thread _thread;
    private volatile bool _stopped;

    public ProcessStallMonitor()
    {
        _thread = new Thread(Watch) { IsBackground = true, Name = "stall monitor" };
        _thread.Start();
    }

    /// <summary>The longest stretch within [<paramref name="from"/>, <paramref name="to"/>] (Stopwatch timestamps)
    /// during which the monitor's thread did not run.</summary>
    public TimeSpan LongestStallWithin(long from, long to)
    {
        lock (_stalls)
        {
            var longest = _stalls.Select(s => Math.Min(s.To, to) - Math.Max(s.From, from)).DefaultIfEmpty(0).Max();
            return Stopwatch.GetElapsedTime(0, Math.Max(0, longest));
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Watch()
    {
        var last = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            Thread.Sleep(2);
            var now = Stopwatch.GetTimestamp();
            if (now - last > MinimumGap)
            {
                lock (_stalls)
                {
                    _stalls.Add((last, now));
                }
            }

            last = now;
        }
    }
}
