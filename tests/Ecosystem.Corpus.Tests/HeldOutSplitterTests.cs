namespace Ecosystem.Corpus.Tests;

/// <summary>How many and which source texts are held out per genre.</summary>
public sealed class HeldOutSplitterTests
{
    [Theory]
    [InlineData(0, 0.1, 0)]
    [InlineData(1, 0.1, 0)]
    [InlineData(1, 0.9, 0)]
    [InlineData(2, 0.1, 1)]
    [InlineData(2, 0.9, 1)]
    [InlineData(6, 0.1, 1)]
    [InlineData(9, 0.1, 1)]
    [InlineData(15, 0.1, 2)]
    [InlineData(44, 0.1, 4)]
    [InlineData(80, 0.1, 8)]
    [InlineData(10, 0.0, 0)]
    public void CountIsRoundedShareWithAtLeastOneAndAtLeastOneLeft(int sources, double fraction, int expected)
    {
        Assert.Equal(expected, HeldOutSplitter.HeldOutCount(sources, fraction));
    }

    [Fact]
    public void SelectionIsStratifiedAndDependsOnlyOnSeedAndIds()
    {
        var sources = SyntheticSources.Make(("a", 20, 1), ("b", 3, 1), ("c", 1, 1));
        var heldOut = HeldOutSplitter.SelectHeldOut(sources, 0.1, seed: 5);

        Assert.Equal(2, heldOut.Count(id => id.StartsWith("test/a", StringComparison.Ordinal)));
        Assert.Equal(1, heldOut.Count(id => id.StartsWith("test/b", StringComparison.Ordinal)));
        Assert.Equal(0, heldOut.Count(id => id.StartsWith("test/c", StringComparison.Ordinal)));
        Assert.Equal(heldOut.Order(StringComparer.Ordinal), HeldOutSplitter.SelectHeldOut(sources.Reverse(), 0.1, seed: 5).Order(StringComparer.Ordinal));

        var otherSeeds = Enumerable.Range(6, 5).Select(seed => HeldOutSplitter.SelectHeldOut(sources, 0.1, seed));
        Assert.Contains(otherSeeds, other => !other.SetEquals(heldOut));
    }
}
