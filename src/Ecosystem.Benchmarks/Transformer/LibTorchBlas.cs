using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Names the BLAS inside the libtorch that TorchSharp loaded into this process: official libtorch builds link
/// Intel oneMKL statically into libtorch_cpu and export its version and thread queries.</summary>
public static partial class LibTorchBlas
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void VersionString(byte[] buffer, int length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MaxThreads();

    /// <summary>The BLAS, for example "oneMKL 2025.0", its full version text, and its thread count (0 when unknown);
    /// call after TorchSharp has run a tensor operation, so that libtorch is loaded.</summary>
    public static (string Name, string Detail, int Threads) Describe()
    {
        var library = LoadedLibraries().FirstOrDefault(p => Path.GetFileName(p).StartsWith("libtorch_cpu", StringComparison.Ordinal));
        if (library is null || !NativeLibrary.TryLoad(library, out var handle))
        {
            return ("unknown BLAS", "libtorch_cpu is not mapped in this process", 0);
        }

        if (!NativeLibrary.TryGetExport(handle, "MKL_Get_Version_String", out var version))
        {
            return ("libtorch without MKL", "libtorch_cpu exports no MKL version", 0);
        }

        var buffer = new byte[512];
        Marshal.GetDelegateForFunctionPointer<VersionString>(version)(buffer, buffer.Length);
        var detail = Encoding.ASCII.GetString(buffer).TrimEnd('\0').Trim();
        var threads = NativeLibrary.TryGetExport(handle, "MKL_Get_Max_Threads", out var maxThreads)
            ? Marshal.GetDelegateForFunctionPointer<MaxThreads>(maxThreads)()
            : 0;
        var number = MklVersion().Match(detail);
        return (number.Success ? "oneMKL " + number.Groups[1].Value : "MKL", detail, threads);
    }

    private static IEnumerable<string> LoadedLibraries()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return [];
        }

        return File.ReadLines(maps).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 6 && f[5].StartsWith('/')).Select(f => f[5]).Distinct();
    }

    [GeneratedRegex(@"Version (\d+(?:\.\d+)*)")]
    private static partial Regex MklVersion();
}
