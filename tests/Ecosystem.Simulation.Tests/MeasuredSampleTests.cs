using Ecosystem.Grains.Measurement;

namespace Ecosystem.Simulation.Tests;

public class MeasuredSampleTests
{
    private static readonly int[] Items = [.. Enumerable.Range(0, 1_000)];

    [Fact]
    public void Without_a_limit_or_under_it_every_item_is_measured()
    {
        Assert.Same(Items, MeasuredSample.Of(Items, null, 1, "corpus/0", 3));
        Assert.Same(Items, MeasuredSample.Of(Items, 1_000, 1, "corpus/0", 3));
    }

    [Fact]
    public void A_limit_draws_that_many_distinct_items_in_their_original_order_the_same_for_the_same_seed_key_and_tick()
    {
        var sample = MeasuredSample.Of(Items, 100, 1, "corpus/0", 3);

        Assert.Equal(100, sample.Count);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(100, sample.Distinct().Count());
        Assert.Equal(sample, MeasuredSample.Of(Items, 100, 1, "corpus/0", 3));
        Assert.NotEqual(sample, MeasuredSample.Of(Items, 100, 1, "corpus/0", 4));
        Assert.NotEqual(sample, MeasuredSample.Of(Items, 100, 1, "v/acme", 3));
    }

    [Fact]
    public void The_sample_is_uniform_every_item_is_drawn_at_the_rate_of_the_limit()
    {
        // 400 draws of 100 of 1,000: each item is drawn Binomial(400, 0.1) times, mean 40, standard deviation 6; over
        // the 10 blocks of 100 items the mean count is 40 with a standard error of 6 / sqrt(100) = 0.6.
        var counts = new int[Items.Length];
        for (var tick = 0; tick < 400; tick++)
        {
            foreach (var item in MeasuredSample.Of(Items, 100, 1, "corpus/0", tick))
            {
                counts[item]++;
            }
        }

        for (var block = 0; block < 10; block++)
        {
            var mean = counts.Skip(block * 100).Take(100).Average();
            Assert.InRange(mean, 40 - (4 * 0.6), 40 + (4 * 0.6));
        }
    }
}
