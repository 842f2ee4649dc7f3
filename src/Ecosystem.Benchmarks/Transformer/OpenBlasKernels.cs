namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Catches OpenBLAS running generic kernels on a CPU it does not recognise. A DYNAMIC_ARCH build picks its
/// kernels from the CPU model number, and an older release that does not know a newer model falls back to Prescott
/// (SSE3) kernels, several times slower than the AVX2 or AVX-512 ones the CPU can run; OPENBLAS_CORETYPE chooses the
/// kernels instead.</summary>
public static class OpenBlasKernels
{
    /// <summary>The environment variable that overrides OpenBLAS's kernel choice.</summary>
    public const string Variable = "OPENBLAS_CORETYPE";

    private static readonly IReadOnlyDictionary<string, int> Levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["Sandybridge"] = 1, ["Bulldozer"] = 1, ["Piledriver"] = 1, ["Steamroller"] = 1,
        ["Haswell"] = 2, ["Excavator"] = 2, ["Zen"] = 2,
        ["SkylakeX"] = 3, ["Cooperlake"] = 3, ["SapphireRapids"] = 3,
    };

    private static readonly string[] Kernels = ["", "Sandybridge", "Haswell", "SkylakeX"];

    /// <summary>Vector level a CPU supports from its /proc/cpuinfo flags: 3 for AVX-512 (F, BW, DQ, VL), 2 for AVX2 with
    /// FMA, 1 for AVX, 0 otherwise.</summary>
    public static int CpuLevel(IReadOnlySet<string> flags) =>
        flags.Contains("avx512f") && flags.Contains("avx512bw") && flags.Contains("avx512dq") && flags.Contains("avx512vl") ? 3
        : flags.Contains("avx2") && flags.Contains("fma") ? 2
        : flags.Contains("avx") ? 1
        : 0;

    /// <summary>Vector level of OpenBLAS kernels by their name; 0 for the SSE kernels (Prescott, Core2, Nehalem, ...).</summary>
    public static int KernelLevel(string core) => Levels.TryGetValue(core, out var level) ? level : 0;

    /// <summary>The kernels to force when OpenBLAS chose weaker ones than the CPU supports, else null.</summary>
    public static string? Replacement(string core, IReadOnlySet<string> cpuFlags)
    {
        var cpu = CpuLevel(cpuFlags);
        return KernelLevel(core) < cpu ? Kernels[cpu] : null;
    }

    /// <summary>Flags of the first processor in /proc/cpuinfo; empty where there is no such file.</summary>
    public static IReadOnlySet<string> CpuFlags()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return new HashSet<string>();
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
        return line is null
            ? new HashSet<string>()
            : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }
}
