namespace Ecosystem.Metrics.Tests;

public class TailMassTests
{
    [Fact]
    public void HeadIsTopKOfHumanCorpus()
    {
        var tail = new TailMass([[1, 1, 1, 2, 2, 3]], topK: 2);
        Assert.Equal([1, 2], tail.HeadTokens);
        Assert.Equal(1.0 / 6.0, tail.ReferenceValue);
        Assert.Equal(0.5, tail.Compute([[1, 3], [4, 2]]));
        Assert.Equal(0.0, tail.Compute([[1, 2, 2]]));
        Assert.Equal(0.0, tail.Compute([]));
    }

    [Fact]
    public void TiesBrokenBySmallerTokenId()
    {
        // 3 occurs twice; 1 and 2 tie with one occurrence each, so 1 takes the second head slot.
        var tail = new TailMass([[2, 3, 1, 3]], topK: 2);
        Assert.Equal([3, 1], tail.HeadTokens);
        Assert.True(tail.IsHead(1));
        Assert.False(tail.IsHead(2));
        Assert.Equal(0.25, tail.ReferenceValue);
        Assert.Equal(0.5, tail.Compute([[2, 4, 3, 1]]));
    }

    [Fact]
    public void KLargerThanVocabularyMakesEverythingHead()
    {
        var tail = new TailMass([[5, 6]], topK: 10);
        Assert.Equal(0.0, tail.ReferenceValue);
        Assert.Equal(10, tail.TopK);
        Assert.Equal(2, tail.HeadTokens.Count);
        Assert.Equal(0.5, tail.Compute([[5, -1]]));
    }

    [Fact]
    public void RejectsNonPositiveK() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TailMass([[1]], 0));
}
