using System.Numerics;

namespace Ecosystem.Models;

/// <summary>Draws an index with probability proportional to its (non-negative) weight by inverting the cumulative sum.</summary>
/// <remarks>Weights are summed in double precision whatever their type, so single-precision weights (a network's
/// probabilities) draw the same index as their double-precision copies would.</remarks>
public static class CategoricalSampler
{
    /// <summary>An index drawn in proportion to <paramref name="weights"/>; zero weights are never drawn.</summary>
    public static int Draw<T>(ReadOnlySpan<T> weights, Random random)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        double total = 0;
        foreach (var weight in weights)
        {
            total += double.CreateTruncating(weight);
        }

        var u = random.NextDouble() * total;
        double cumulative = 0;
        var last = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = double.CreateTruncating(weights[i]);
            if (weight <= 0)
            {
                continue;
            }

            cumulative += weight;
            last = i;
            if (u < cumulative)
            {
                return i;
            }
        }

        return last;
    }
}
