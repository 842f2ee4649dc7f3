using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Ecosystem.Benchmarks.Results;

/// <summary>The machine and runtime a suite ran on, recorded with its results so numbers are never compared blind.</summary>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="DotNet">.NET runtime description.</param>
/// <param name="Processor">CPU model name where the OS tells it (Linux), otherwise null.</param>
/// <param name="MemoryBytes">Memory available to the process (physical memory or a container limit).</param>
/// <param name="GarbageCollector">GC mode: workstation or server, concurrent or not.</param>
/// <param name="Jit">How the JIT compiles a method the first time (null in results recorded before it was noted).</param>
public sealed record MachineFacts(int Cores, string Os, string DotNet, string? Processor, long MemoryBytes, string GarbageCollector, string? Jit = null)
{
    /// <summary>Facts of the running process's machine.</summary>
    public static MachineFacts Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ProcessorName(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        GarbageCollectorOf(AppContext.GetData("System.GC.ConserveMemory"), AppContext.GetData("System.GC.LOHThreshold")),
        JitOf(AppContext.GetData("System.Runtime.TieredCompilation.QuickJit"), Environment.GetEnvironmentVariable("DOTNET_TC_QuickJit")));

    /// <summary>The GC mode in words, with the ConserveMemory level and the large-object threshold when they are set
    /// (they change peak memory and speed a lot).</summary>
    internal static string GarbageCollectorOf(object? conserveMemory, object? largeObjectThreshold = null)
    {
        var mode = $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}";
        if (conserveMemory?.ToString() is { Length: > 0 } level && level != "0")
        {
            mode += $", ConserveMemory {level}";
        }

        return long.TryParse(largeObjectThreshold?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? $"{mode}, large objects from {Figures.Mebibytes(bytes)}"
            : mode;
    }

    /// <summary>The JIT's first compilation in words: optimized, or quick and optimized later once hot (the runtime's
    /// default); the environment variable overrides the program's configuration, as in the runtime.</summary>
    internal static string JitOf(object? configured, string? environment)
    {
        var quick = environment is { Length: > 0 } ? environment != "0" : !string.Equals(configured?.ToString(), "false", StringComparison.OrdinalIgnoreCase);
        return quick ? "quick JIT first" : "optimizing JIT first";
    }

    private static string? ProcessorName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return null;
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
