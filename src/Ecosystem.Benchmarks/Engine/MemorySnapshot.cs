using System.Diagnostics;

namespace Ecosystem.Benchmarks.Engine;

/// <summary>The managed heap and the process working set at one moment, in bytes.</summary>
public readonly record struct MemorySnapshot(long ManagedHeapBytes, long WorkingSetBytes)
{
    /// <summary>Memory after a full, compacting collection: the managed heap counts live objects only.</summary>
    public static MemorySnapshot Live()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new MemorySnapshot(heap, WorkingSet());
    }

    /// <summary>Memory now, garbage included.</summary>
    public static MemorySnapshot Current() => new(GC.GetTotalMemory(forceFullCollection: false), WorkingSet());

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
