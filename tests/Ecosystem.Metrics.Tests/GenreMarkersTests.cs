namespace Ecosystem.Metrics.Tests;

public class GenreMarkersTests
{
    // "space" documents use tokens 90 and 91 a lot; "news" documents (three quarters of the tokens, so at most 4/3 over
    // the overall rate) are the only ones with 80 and 5; everybody uses 1..4.
    private static readonly (string Genre, int[] Tokens)[] Reference =
    [
        ("news", [1, 2, 3, 80, 80, 4, 5, 80, 1, 2]),
        ("news", [3, 80, 4, 80, 5, 1, 2, 80, 3, 4]),
        ("news", [5, 1, 80, 2, 3, 4, 80, 5, 1, 2]),
        ("space", [1, 90, 91, 2, 90, 3, 91, 90, 4, 91]),
    ];

    [Fact]
    public void Markers_are_tokens_much_more_frequent_in_a_genre_than_overall()
    {
        var markers = GenreMarkers.Build(Reference, lift: 1.3, minCount: 3);

        Assert.Equal(["news", "space"], markers.Genres);
        Assert.Equal([2, 2], markers.MarkerCounts);
    }

    [Fact]
    public void Human_text_has_coverage_one_and_text_without_a_genre_s_markers_has_zero()
    {
        var markers = GenreMarkers.Build(Reference, lift: 1.3, minCount: 3);

        var human = markers.Coverage([.. Reference.Select(r => r.Tokens)]);
        Assert.Equal(1, human[0], 12);
        Assert.Equal(1, human[1], 12);

        var lostSpace = markers.Coverage([[1, 2, 80, 3, 4, 80, 5, 1, 2, 3]]);
        Assert.Equal(0, lostSpace[1]);

        // 3 of 10 tokens are news markers (80, 80, 5); in the reference 12 of 40 are: coverage 0.3 / 0.3 = 1.
        Assert.Equal(1, lostSpace[0], 12);
        Assert.True(double.IsNaN(markers.Coverage([])[0]));
    }
}
