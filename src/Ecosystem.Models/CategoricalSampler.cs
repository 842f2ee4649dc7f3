namespace Ecosystem.Models;

/// <summary>Draws an index with probability proportional to its (non-negative) weight by inverting the cumulative sum.</summary>
internal static class CategoricalSampler
{
    public static int Draw(IReadOnlyList<double> weights, Random random)
    {
        double total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var u = random.NextDouble() * total;
        double cumulative = 0;
        var last = -1;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            cumulative += weights[i];
            last = i;
            if (u < cumulative)
            {
                return i;
            }
        }

        return last;
    }
}
