using System.Diagnostics;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>Samples the resident memory of a group of processes (the silos, Redis and this client) on a thread of its
/// own and keeps the peak of their sum: the memory the cluster as a whole needs.</summary>
public sealed class ProcessGroupSampler : IDisposable
{
    private readonly IReadOnlyList<int> _pids;
    private readonly TimeSpan _interval;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peak;

    private ProcessGroupSampler(IReadOnlyList<int> pids, TimeSpan interval)
    {
        _pids = pids;
        _interval = interval;
        _thread = new Thread(Sample) { IsBackground = true, Name = "process group sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Highest summed resident memory seen, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Starts sampling the processes <paramref name="pids"/> every <paramref name="interval"/>.</summary>
    public static ProcessGroupSampler Start(IReadOnlyList<int> pids, TimeSpan interval)
    {
        var sampler = new ProcessGroupSampler(pids, interval);
        sampler.Record(ResidentBytes(pids));
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>The summed resident memory of <paramref name="pids"/> now; a process that has exited counts nothing.</summary>
    public static long ResidentBytes(IEnumerable<int> pids)
    {
        long sum = 0;
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                sum += process.WorkingSet64;
            }
            catch (ArgumentException)
            {
                // Gone: it holds no memory any more.
            }
        }

        return sum;
    }

    /// <summary>Takes one more sample and stops.</summary>
    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        Record(ResidentBytes(_pids));
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Record(ResidentBytes(_pids));
            Thread.Sleep(_interval);
        }
    }

    private void Record(long bytes)
    {
        var current = Interlocked.Read(ref _peak);
        while (bytes > current)
        {
            var seen = Interlocked.CompareExchange(ref _peak, bytes, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
