using Ecosystem.Grains.Crawls;

namespace Ecosystem.Simulation.Tests;

public sealed class CrawlAllocatorTests
{
    [Fact]
    public void A_budget_beyond_the_web_takes_every_document()
    {
        Assert.Equal([3, 0, 7], CrawlAllocator.Allocate([3, 0, 7], [1, 1, 1], 50, new Random(1)));
    }

    [Fact]
    public void The_budget_is_spent_whole_and_no_stratum_gives_more_than_it_holds()
    {
        var random = new Random(2);
        for (var trial = 0; trial < 200; trial++)
        {
            var counts = Enumerable.Range(0, 1 + random.Next(12)).Select(_ => random.Next(6)).ToArray();
            var weights = counts.Select(_ => 0.01 + random.NextDouble()).ToArray();
            var budget = random.Next(counts.Sum() + 1);

            var drawn = CrawlAllocator.Allocate(counts, weights, budget, random);

            Assert.Equal(budget, drawn.Sum());
            Assert.All(drawn.Zip(counts), pair => Assert.InRange(pair.First, 0, pair.Second));
        }
    }

    [Fact]
    public void A_uniform_crawl_takes_each_stratum_as_a_hypergeometric_draw()
    {
        // Equal weights: the numbers drawn are multivariate hypergeometric, E[k] = B c / N and
        // Var[k] = B (c/N)(1 - c/N)(N - B)/(N - 1). The mean over R crawls is within 3 standard errors of E[k].
        int[] counts = [500, 2_000, 7_500];
        const int budget = 1_000;
        const int crawls = 2_000;
        var total = counts.Sum();
        var random = new Random(11);
        var sums = new double[counts.Length];
        for (var r = 0; r < crawls; r++)
        {
            var drawn = CrawlAllocator.Allocate(counts, [1, 1, 1], budget, random);
            for (var s = 0; s < counts.Length; s++)
            {
                sums[s] += drawn[s];
            }
        }

        for (var s = 0; s < counts.Length; s++)
        {
            var p = (double)counts[s] / total;
            var expected = budget * p;
            var standardError = Math.Sqrt(budget * p * (1 - p) * (total - budget) / (total - 1) / crawls);
            Assert.InRange(sums[s] / crawls, expected - (3 * standardError), expected + (3 * standardError));
        }
    }

    [Fact]
    public void A_single_weighted_pick_lands_in_a_stratum_with_probability_weight_times_count()
    {
        // One document a crawl: stratum s is picked with probability w_s c_s / sum(w c), a binomial share over R crawls.
        int[] counts = [100, 100, 400];
        double[] weights = [1, 0.25, 0.5];
        const int crawls = 40_000;
        var mass = counts.Zip(weights, (c, w) => c * w).ToArray();
        var random = new Random(5);
        var hits = new int[counts.Length];
        for (var r = 0; r < crawls; r++)
        {
            var drawn = CrawlAllocator.Allocate(counts, weights, 1, random);
            hits[Array.IndexOf(drawn, 1)]++;
        }

        for (var s = 0; s < counts.Length; s++)
        {
            var p = mass[s] / mass.Sum();
            var standardError = Math.Sqrt(p * (1 - p) / crawls);
            Assert.InRange((double)hits[s] / crawls, p - (3 * standardError), p + (3 * standardError));
        }
    }
}
