using System.Text.Json;
using Ecosystem.Benchmarks.Results;
using Ecosystem.Benchmarks.Transformer;

namespace Ecosystem.Benchmarks.Tests;

public class TransformerPeerTests
{
    private static readonly HashSet<string> Avx512 = ["fma", "avx", "avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl"];

    [Fact]
    public void Generic_openblas_kernels_on_a_vector_cpu_are_replaced_by_the_matching_ones()
    {
        Assert.Equal("SkylakeX", OpenBlasKernels.Replacement("Prescott", Avx512));
        Assert.Equal("Haswell", OpenBlasKernels.Replacement("Prescott", new HashSet<string> { "fma", "avx", "avx2" }));
        Assert.Null(OpenBlasKernels.Replacement("SkylakeX", Avx512));
        Assert.Null(OpenBlasKernels.Replacement("Haswell", new HashSet<string> { "fma", "avx", "avx2" }));
        Assert.Null(OpenBlasKernels.Replacement("Prescott", new HashSet<string> { "sse3" }));
    }

    [Fact]
    public void The_peers_blas_is_read_from_its_json_and_the_reference_blas_is_recognised()
    {
        using var openBlas = JsonDocument.Parse("""{"kind": "OpenBLAS", "library": "openblas-pthread/libblas.so.3", "config": "OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX", "core": "SkylakeX", "threads": 2}""");
        using var reference = JsonDocument.Parse("""{"kind": "reference", "library": "blas/libblas.so.3.11.0"}""");

        var optimised = PeerBlas.From(openBlas.RootElement);
        var netlib = PeerBlas.From(reference.RootElement);

        Assert.False(optimised.IsReference);
        Assert.Equal("OpenBLAS 0.3.21, SkylakeX kernels", optimised.Name);
        Assert.Equal(2, optimised.Threads);
        Assert.True(netlib.IsReference);
        Assert.Equal("reference BLAS", netlib.Name);
    }

    [Fact]
    public void Other_load_is_the_machines_busy_time_less_our_own_over_wall_time()
    {
        Assert.Equal(1.0, OtherCpuLoad.OtherCores(machineBusy: 300, machineTotal: 400, own: 100, cores: 2));
        Assert.Equal(0, OtherCpuLoad.OtherCores(100, 400, 150, 2));
        Assert.True(double.IsNaN(OtherCpuLoad.OtherCores(0, 0, 0, 2)));
    }

    [Fact]
    public void A_refused_peer_is_reported_as_refused_and_never_compared()
    {
        const string ours = "TorchSharp 0.107.0, oneMKL 2024.2";
        const string theirs = "PyTorch 1.13.0a0, reference BLAS (refused)";
        BenchmarkResult[] results =
        [
            new("transformer", "small", ours, TransformerMetrics.Training, 7000, "tokens/s"),
            new("transformer", TransformerMetrics.GemmCase, ours, TransformerMetrics.SquareGemm, 280, "GFLOP/s"),
            new("transformer", TransformerMetrics.GemmCase, theirs, TransformerMetrics.SquareGemm, 4, "GFLOP/s"),
            new("transformer", TransformerMetrics.UtilizationCase, ours, TransformerMetrics.Mfu(TransformerMetrics.Training), 38, "%"),
            new("transformer", TransformerMetrics.ConfigurationCase, theirs, TransformerMetrics.Refused, 1, "yes"),
        ];

        var report = TransformerReport.Build(results);

        Assert.Contains(report.Notes, n => n.Contains("**Peer refused.**", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("training MFU at least 50.0% of the measured GEMM rate: 38.0%, missed", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("not compared (peer refused)", StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.Implementation == TransformerMetrics.Ratio);
    }

    [Fact]
    public void Targets_are_met_or_missed_from_the_recorded_ratios()
    {
        const string ours = "TorchSharp 0.107.0, oneMKL 2024.2";
        BenchmarkResult[] results =
        [
            new("transformer", "small", ours, TransformerMetrics.Training, 7000, "tokens/s"),
            new("transformer", "small", TransformerMetrics.Ratio, TransformerMetrics.Training, 1.2, "TorchSharp / PyTorch"),
            new("transformer", "small", TransformerMetrics.Ratio, TransformerMetrics.Scoring, 1.05, "TorchSharp / PyTorch"),
            new("transformer", TransformerMetrics.UtilizationCase, ours, TransformerMetrics.Mfu(TransformerMetrics.Training), 55, "%"),
        ];

        var targets = Assert.Single(TransformerReport.Build(results).Notes, n => n.StartsWith("**Targets.**", StringComparison.Ordinal));

        Assert.Contains("55.0%, met", targets, StringComparison.Ordinal);
        Assert.Contains("training: TorchSharp at least 1.1× PyTorch on an optimised BLAS: 1.20×, met", targets, StringComparison.Ordinal);
        Assert.Contains("scoring: TorchSharp at least 1.1× PyTorch on an optimised BLAS: 1.05×, missed", targets, StringComparison.Ordinal);
    }
}
