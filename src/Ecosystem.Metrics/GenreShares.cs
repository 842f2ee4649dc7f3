namespace Ecosystem.Metrics;

/// <summary>Share of each genre among document labels, over a fixed list of genres so that a genre that
/// disappeared still appears, with share 0.</summary>
/// <remarks>Labels outside the list still count in the denominator (reported as <see cref="Unlisted"/> by
/// <see cref="Compute"/>), so the listed shares then sum to less than 1 rather than silently inflating.</remarks>
public sealed class GenreShares
{
    private readonly string[] _genres;
    private readonly Dictionary<string, int> _index;

    /// <summary>Fixes the genre list; duplicates are removed and the list is sorted ordinally.</summary>
    public GenreShares(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var g in genres)
        {
            set.Add(g ?? throw new ArgumentException("A genre is null.", nameof(genres)));
        }

        _genres = set.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _genres.Length; i++)
        {
            _index[_genres[i]] = i;
        }
    }

    /// <summary>Label used by <see cref="Compute"/> for labels outside the genre list.</summary>
    public const string Unlisted = "(unlisted)";

    /// <summary>The genres, in ordinal order.</summary>
    public IReadOnlyList<string> Genres => _genres;

    /// <summary>One entry per listed genre in ordinal order (zeros included), followed by an
    /// <see cref="Unlisted"/> entry only when some label is not in the list.</summary>
    public IReadOnlyList<GenreShare> Compute(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new long[_genres.Length];
        long unlisted = 0;
        long total = 0;
        foreach (var label in labels)
        {
            total++;
            if (label is not null && _index.TryGetValue(label, out var i))
            {
                counts[i]++;
            }
            else
            {
                unlisted++;
            }
        }

        var result = new List<GenreShare>(_genres.Length + 1);
        for (var i = 0; i < _genres.Length; i++)
        {
            result.Add(new GenreShare(_genres[i], counts[i], total == 0 ? 0 : (double)counts[i] / total));
        }

        if (unlisted > 0)
        {
            result.Add(new GenreShare(Unlisted, unlisted, (double)unlisted / total));
        }

        return result;
    }
}
