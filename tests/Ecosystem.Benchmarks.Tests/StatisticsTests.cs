using Ecosystem.Benchmarks.NGram;

namespace Ecosystem.Benchmarks.Tests;

public class StatisticsTests
{
    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two()
    {
        Assert.Equal(3, Statistics.Median([5, 1, 3]));
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
        Assert.Throws<ArgumentException>(() => Statistics.Median([]));
    }

    [Fact]
    public void Even_spacing_takes_items_spread_over_the_whole_list()
    {
        var items = Enumerable.Range(0, 10).ToList();
        Assert.Equal([0, 2, 5, 7], EvenSpacing.Take(items, 4));
        Assert.Equal(items, EvenSpacing.Take(items, 20));
    }
}
