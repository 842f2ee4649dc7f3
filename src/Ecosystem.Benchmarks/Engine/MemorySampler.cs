namespace Ecosystem.Benchmarks.Engine;

/// <summary>Samples memory every few milliseconds on a thread of its own (not the thread pool, which a busy silo may
/// keep from running it) and keeps the peaks.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stopping;
    private long _peakManagedHeap;
    private long _peakWorkingSet;

    private MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Highest managed heap seen (garbage included), in bytes.</summary>
    public long PeakManagedHeapBytes => Interlocked.Read(ref _peakManagedHeap);

    /// <summary>Highest working set seen, in bytes.</summary>
    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>Starts sampling every <paramref name="interval"/>.</summary>
    public static MemorySampler Start(TimeSpan interval)
    {
        var sampler = new MemorySampler(interval);
        sampler.Record(MemorySnapshot.Current());
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Takes one more sample and stops.</summary>
    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        Record(MemorySnapshot.Current());
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Record(MemorySnapshot.Current());
            Thread.Sleep(_interval);
        }
    }

    private void Record(MemorySnapshot snapshot)
    {
        InterlockedMax(ref _peakManagedHeap, snapshot.ManagedHeapBytes);
        InterlockedMax(ref _peakWorkingSet, snapshot.WorkingSetBytes);
    }

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
