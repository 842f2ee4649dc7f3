using System.Runtime.InteropServices;

namespace Ecosystem.Benchmarks;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineFacts(int Cores, string Os, string Runtime, string Cpu, DateTimeOffset Date)
{
    /// <summary>This machine, now.</summary>
    public static MachineFacts Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        CpuName(),
        DateTimeOffset.UtcNow);

    private static string CpuName()
    {
        const string info = "/proc/cpuinfo";
        var line = File.Exists(info) ? File.ReadLines(info).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
