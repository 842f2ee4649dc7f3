namespace Ecosystem.Metrics.Tests;

public class GenreSharesTests
{
    [Fact]
    public void SharesOverSortedFixedGenres()
    {
        var shares = new GenreShares(["poetry", "news", "code", "news"]);
        Assert.Equal(["code", "news", "poetry"], shares.Genres);
        Assert.Equal(
        [
            new GenreShare("code", 0, 0), new GenreShare("news", 2, 0.5), new GenreShare("poetry", 1, 0.25),
            new GenreShare(GenreShares.Unlisted, 1, 0.25),
        ], shares.Compute(["news", "poetry", "other", "news"]));
    }

    [Fact]
    public void NoLabelsGivesZeros()
    {
        var shares = new GenreShares(["b", "a"]);
        Assert.Equal([new GenreShare("a", 0, 0), new GenreShare("b", 0, 0)], shares.Compute([]));
        Assert.Equal([new GenreShare("a", 1, 1), new GenreShare("b", 0, 0)], shares.Compute(["a"]));
    }
}
