namespace Ecosystem.Corpus.Tests;

/// <summary>Genre-proportional quotas for small training subsets.</summary>
public sealed class StratifiedSubsetTests
{
    [Fact]
    public void QuotasAreProportional()
    {
        var quotas = StratifiedSubset.Quotas(new Dictionary<string, int> { ["a"] = 50, ["b"] = 30, ["c"] = 20 }, 10);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 5, ["b"] = 3, ["c"] = 2 }, quotas);
    }

    [Fact]
    public void EveryGenreKeepsAtLeastOneDocument()
    {
        var quotas = StratifiedSubset.Quotas(new Dictionary<string, int> { ["a"] = 1000, ["b"] = 1, ["c"] = 2 }, 10);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 8, ["b"] = 1, ["c"] = 1 }, quotas);
    }

    [Fact]
    public void MoreGenresThanTheMaximumKeepsOnePerGenre()
    {
        var quotas = StratifiedSubset.Quotas(new Dictionary<string, int> { ["a"] = 5, ["b"] = 5, ["c"] = 5 }, 2);
        Assert.All(quotas.Values, q => Assert.Equal(1, q));
    }

    [Fact]
    public void MaximumAboveTheTotalKeepsEverything()
    {
        var quotas = StratifiedSubset.Quotas(new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 }, 100);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 }, quotas);
    }

    [Fact]
    public void QuotasSumToTheMaximum()
    {
        var counts = new Dictionary<string, int> { ["a"] = 7, ["b"] = 13, ["c"] = 29, ["d"] = 1, ["e"] = 50 };
        for (var max = 5; max < 100; max++)
        {
            Assert.Equal(max, StratifiedSubset.Quotas(counts, max).Values.Sum());
        }
    }
}
