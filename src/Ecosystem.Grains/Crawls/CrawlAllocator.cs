namespace Ecosystem.Grains.Crawls;

/// <summary>Splits a crawl budget over strata of documents (one shard's documents of one tick), as many draws without
/// replacement where each document is picked with probability proportional to its stratum's weight: the number drawn
/// from each stratum is what a weighted crawler fetching one document at a time would get.</summary>
/// <remarks>Each draw picks a stratum with probability proportional to weight times documents left in it, through a
/// Fenwick tree of those products: O(budget × log strata), whatever the size of the web.</remarks>
public static class CrawlAllocator
{
    /// <summary>How many documents to draw from each stratum.</summary>
    /// <param name="counts">Documents in each stratum.</param>
    /// <param name="weights">Weight of one document of each stratum (positive).</param>
    /// <param name="budget">Documents to draw in all; everything when it is at least the total.</param>
    /// <param name="random">The crawler's stream for this crawl.</param>
    public static int[] Allocate(IReadOnlyList<int> counts, IReadOnlyList<double> weights, int budget, Random random)
    {
        var strata = counts.Count;
        var drawn = new int[strata];
        var total = counts.Sum(c => (long)c);
        if (budget >= total)
        {
            for (var s = 0; s < strata; s++)
            {
                drawn[s] = counts[s];
            }

            return drawn;
        }

        var tree = new double[strata + 1];
        for (var s = 0; s < strata; s++)
        {
            Add(tree, s, counts[s] * weights[s]);
        }

        for (var k = 0; k < budget; k++)
        {
            var target = random.NextDouble() * Prefix(tree, strata);
            var s = Find(tree, target);
            // Rounding can land on a stratum already emptied; step to the nearest one with documents left.
            while (counts[s] - drawn[s] == 0)
            {
                s = (s + 1) % strata;
            }

            drawn[s]++;
            Add(tree, s, -weights[s]);
        }

        return drawn;
    }

    private static void Add(double[] tree, int index, double delta)
    {
        for (var i = index + 1; i < tree.Length; i += i & -i)
        {
            tree[i] += delta;
        }
    }

    private static double Prefix(double[] tree, int count)
    {
        var sum = 0.0;
        for (var i = count; i > 0; i -= i & -i)
        {
            sum += tree[i];
        }

        return sum;
    }

    /// <summary>The stratum whose cumulative range holds <paramref name="target"/>.</summary>
    private static int Find(double[] tree, double target)
    {
        var position = 0;
        var step = 1;
        while (step * 2 < tree.Length)
        {
            step *= 2;
        }

        for (; step > 0; step /= 2)
        {
            if (position + step < tree.Length && tree[position + step] <= target)
            {
                position += step;
                target -= tree[position];
            }
        }

        return Math.Min(position, tree.Length - 2);
    }
}
