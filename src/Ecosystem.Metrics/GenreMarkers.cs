namespace Ecosystem.Metrics;

/// <summary>Each genre's distinctive vocabulary, and how much of it a text still uses: the coverage of genre g is the
/// share of tokens of the text that are g's markers, over that share in the human reference corpus (1 for a text that
/// uses them as people do, 0 for one that has lost them).</summary>
/// <remarks>A marker of g is a token at least <c>lift</c> times more frequent in g than in the whole reference, seen at
/// least <c>minCount</c> times in g. Minority genres' markers are rare words overall, so this is where the loss of the
/// tails (Shumailov et al. 2024) shows per genre, without asking a classifier which genre a generated text belongs
/// to, a question generic model output answers with the majority genre.</remarks>
public sealed class GenreMarkers
{
    private readonly string[] _genres;
    // The genres each token marks, indexed by token id (null for a token that marks none): a lookup per token of the
    // measured text, which a dictionary made the slowest of the tick's diversity passes.
    private readonly int[]?[] _genresOfToken;
    private readonly double[] _referenceShare;

    private GenreMarkers(string[] genres, int[]?[] genresOfToken, double[] referenceShare, int[] markerCounts)
    {
        _genres = genres;
        _genresOfToken = genresOfToken;
        _referenceShare = referenceShare;
        MarkerCounts = markerCounts;
    }

    /// <summary>The genres, ordinally sorted.</summary>
    public IReadOnlyList<string> Genres => _genres;

    /// <summary>Number of marker tokens of each genre (same order as <see cref="Genres"/>).</summary>
    public IReadOnlyList<int> MarkerCounts { get; }

    /// <summary>Finds every genre's markers in labelled human documents.</summary>
    public static GenreMarkers Build(IEnumerable<(string Genre, int[] Tokens)> documents, double lift = 3, int minCount = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lift, 1);
        var overall = new Dictionary<int, long>();
        var byGenre = new SortedDictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
        long total = 0;
        var genreTotals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (genre, tokens) in documents)
        {
            if (!byGenre.TryGetValue(genre, out var counts))
            {
                byGenre[genre] = counts = [];
            }

            foreach (var token in tokens)
            {
                overall[token] = overall.GetValueOrDefault(token) + 1;
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }

            total += tokens.Length;
            genreTotals[genre] = genreTotals.GetValueOrDefault(genre) + tokens.Length;
        }

        var genres = byGenre.Keys.ToArray();
        var markers = new Dictionary<int, List<int>>();
        var referenceShare = new double[genres.Length];
        var markerCounts = new int[genres.Length];
        for (var g = 0; g < genres.Length; g++)
        {
            var genreTotal = genreTotals[genres[g]];
            foreach (var (token, count) in byGenre[genres[g]])
            {
                if (count >= minCount && (double)count / genreTotal >= lift * overall[token] / total)
                {
                    (markers.TryGetValue(token, out var list) ? list : markers[token] = []).Add(g);
                    referenceShare[g] += (double)overall[token] / total;
                    markerCounts[g]++;
                }
            }
        }

        var genresOfToken = new int[]?[markers.Count == 0 ? 0 : markers.Keys.Max() + 1];
        foreach (var (token, marked) in markers)
        {
            genresOfToken[token] = [.. marked];
        }

        return new GenreMarkers(genres, genresOfToken, referenceShare, markerCounts);
    }

    /// <summary>The coverage of every genre by <paramref name="documents"/> (same order as <see cref="Genres"/>); NaN
    /// for a genre without markers or when there are no tokens.</summary>
    public double[] Coverage(IReadOnlyList<int[]> documents)
    {
        var hits = new long[_genres.Length];
        var genresOfToken = _genresOfToken;
        long total = 0;
        foreach (var tokens in documents)
        {
            total += tokens.Length;
            foreach (var token in tokens)
            {
                if ((uint)token < (uint)genresOfToken.Length && genresOfToken[token] is { } genres)
                {
                    foreach (var g in genres)
                    {
                        hits[g]++;
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, _genres.Length).Select(g => total == 0 || _referenceShare[g] == 0
            ? double.NaN
            : (double)hits[g] / total / _referenceShare[g])];
    }
}
