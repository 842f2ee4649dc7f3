using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Rotary position embedding (Su et al. 2021, RoFormer): queries and keys are rotated by an angle
/// proportional to their position, so attention scores depend only on relative positions.</summary>
/// <remarks>Relative positions are what make generation with a sliding key/value cache exact: when the window slides,
/// every cached key keeps its distance to the new query, so the model sees the same kind of window it was trained on.</remarks>
internal static class RotaryEmbedding
{
    private const double Base = 10_000;

    /// <summary>cos and sin tables of shape [count, headSize / 2] for positions start .. start + count - 1.</summary>
    public static (Tensor Cos, Tensor Sin) Angles(long start, long count, int headSize, Device device)
    {
        var inverseFrequencies = torch.pow(Base, -torch.arange(0, headSize, 2, dtype: ScalarType.Float32, device: device) / headSize);
        var positions = torch.arange(start, start + count, dtype: ScalarType.Float32, device: device);
        var angles = torch.outer(positions, inverseFrequencies);
        return (angles.cos(), angles.sin());
    }

    /// <summary>Rotates x of shape [batch, heads, time, headSize] by the given angle tables (rotate-half layout).</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        var half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);
        var second = x.narrow(-1, half, half);
        return torch.cat([first * cos - second * sin, first * sin + second * cos], -1);
    }
}
