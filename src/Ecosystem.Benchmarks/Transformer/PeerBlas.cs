using System.Text.Json;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>The BLAS library the PyTorch peer really runs its float32 matrix products on, as the peer script found it
/// (the shared object its calls of sgemm_ resolve to).</summary>
/// <param name="Kind">"OpenBLAS", "MKL", "BLIS", "ATLAS", "reference" (Netlib's unoptimised BLAS) or "unknown".</param>
/// <param name="Library">The shared object serving sgemm_.</param>
/// <param name="Config">OpenBLAS's own configuration line (version, build, kernels), empty for other libraries.</param>
/// <param name="Core">The OpenBLAS kernels in use (for example "SkylakeX"), empty for other libraries.</param>
/// <param name="Threads">OpenBLAS's thread count, 0 for other libraries.</param>
public sealed record PeerBlas(string Kind, string Library, string Config, string Core, int Threads)
{
    /// <summary>Kind of the reference implementation, which the suite never compares against.</summary>
    public const string Reference = "reference";

    /// <summary>True for the reference BLAS: no blocking, no vector kernels, one thread; timing a model on it measures
    /// the library, not the framework.</summary>
    public bool IsReference => Kind == Reference;

    /// <summary>Short name for labels: "OpenBLAS 0.3.21, SkylakeX kernels", "reference BLAS".</summary>
    public string Name => Kind switch
    {
        "OpenBLAS" => $"{string.Join(' ', Config.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))}, {Core} kernels",
        Reference => "reference BLAS",
        _ => Kind,
    };

    /// <summary>Reads the peer's "blas" object.</summary>
    public static PeerBlas From(JsonElement blas) => new(
        Text(blas, "kind") is { Length: > 0 } kind ? kind : "unknown",
        Text(blas, "library"),
        Text(blas, "config"),
        Text(blas, "core"),
        blas.TryGetProperty("threads", out var threads) && threads.ValueKind == JsonValueKind.Number ? threads.GetInt32() : 0);

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
