using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Inverted dropout whose mask comes from a counter-based hash (SplitMix64's finaliser over a seed and the
/// element's index) instead of libtorch's Bernoulli sampler: the same distribution, drawn at a fraction of the cost on
/// the CPU.</summary>
/// <remarks>
/// libtorch draws a CPU dropout mask one Mersenne-Twister number per element on one thread: 3.6 ms for a 32 × 64 × 128
/// activation, so the five dropouts of a 2-block training step cost as much as all of its attention. Here one 64-bit
/// hash gives two 32-bit uniforms and the loop fills the mask in well under a millisecond. Each call takes its seed from
/// libtorch's global generator, so masks stay reproducible from <c>torch.manual_seed</c> exactly as before, and every
/// element's decision depends only on (seed, index): the mask is the same however the work is split. Off the CPU it is
/// libtorch's own dropout.
/// </remarks>
internal sealed class CounterDropout(double probability) : nn.Module<Tensor, Tensor>(nameof(CounterDropout))
{
    /// <summary>The chance that an element is dropped.</summary>
    public double Probability { get; } = probability is >= 0 and < 1
        ? probability
        : throw new ArgumentOutOfRangeException(nameof(probability), probability, "A dropout probability is at least 0 and below 1.");

    public override Tensor forward(Tensor input)
    {
        if (!training || Probability == 0)
        {
            return input;
        }

        if (input.device_type != DeviceType.CPU || input.dtype != ScalarType.Float32)
        {
            return nn.functional.dropout(input, Probability, training: true);
        }

        // The mask is a constant of the graph: autograd's product rule gives the backward pass mask × upstream.
        return input.mul(Mask(input.shape, Probability, DrawSeed()));
    }

    /// <summary>A float mask of <paramref name="shape"/>: 0 with chance <paramref name="probability"/>, else
    /// 1 / (1 − probability), element i decided by hash(seed, i / 2) alone.</summary>
    internal static Tensor Mask(long[] shape, double probability, ulong seed)
    {
        var mask = empty(shape, ScalarType.Float32);
        var values = MemoryMarshal.Cast<byte, float>(mask.bytes);

        // An element is dropped when its 32-bit uniform falls below p · 2³²: p is represented to 2⁻³².
        var threshold = (uint)Math.Min(uint.MaxValue, Math.Round(probability * 4294967296.0));
        var kept = (float)(1 / (1 - probability));
        var pairs = values.Length / 2;
        for (var i = 0; i < pairs; i++)
        {
            var bits = Hash(seed, (ulong)i);
            values[2 * i] = (uint)bits < threshold ? 0f : kept;
            values[2 * i + 1] = (uint)(bits >> 32) < threshold ? 0f : kept;
        }

        if (values.Length % 2 == 1)
        {
            values[^1] = (uint)Hash(seed, (ulong)pairs) < threshold ? 0f : kept;
        }

        return mask;
    }

    // Steele, Lea and Flood's SplitMix64 finaliser (2014) over seed + (index + 1) × the golden-ratio increment, which
    // is what the generator returns at that step of its sequence: a counter-based stream with good statistical quality.
    private static ulong Hash(ulong seed, ulong index)
    {
        var z = unchecked(seed + (index + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong DrawSeed()
    {
        using var drawn = randint(0, long.MaxValue, [1], dtype: ScalarType.Int64);
        return unchecked((ulong)drawn.item<long>());
    }
}
