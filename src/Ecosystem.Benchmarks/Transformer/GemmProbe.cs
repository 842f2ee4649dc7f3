using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Times float32 matrix products through TorchSharp's <c>torch.mm</c>: the libtorch, BLAS and thread count
/// that the benchmark's own decoder runs on, in the same process.</summary>
public static class GemmProbe
{
    /// <summary>The rate of <paramref name="shape"/>: the median of at least three products and at least
    /// <paramref name="minimum"/> of them in all, after one untimed product.</summary>
    public static GemmRate Measure(GemmShape shape, TimeSpan minimum, CancellationToken cancellationToken)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var (left, right) = Operands(shape);
        torch.mm(left, right).Dispose();
        var cpu = ProcessorTime();
        var seconds = Timing.Repeat(() => torch.mm(left, right).Dispose(), 3, minimum, cancellationToken);
        var busy = (ProcessorTime() - cpu).TotalSeconds / seconds.Sum();
        return new GemmRate(shape, shape.Flops / Statistics.Median(seconds), busy);
    }

    // Operands laid out as the decoder's own: a linear layer keeps W as [out, in] and multiplies by its transpose.
    private static (Tensor Left, Tensor Right) Operands(GemmShape shape) => shape.Layout switch
    {
        GemmLayout.NT => (torch.randn(shape.Rows, shape.Inner), torch.randn(shape.Columns, shape.Inner).t()),
        GemmLayout.TN => (torch.randn(shape.Inner, shape.Rows).t(), torch.randn(shape.Inner, shape.Columns)),
        _ => (torch.randn(shape.Rows, shape.Inner), torch.randn(shape.Inner, shape.Columns)),
    };

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
