namespace Ecosystem.Models;

/// <summary>The counts of one order of an n-gram model: packed context key to a slice of flat arrays holding the
/// follower tokens (ascending), their counts and running sums of the counts, so a million n-grams cost a few arrays
/// rather than a million objects.</summary>
internal sealed class NGramTable
{
    private readonly Dictionary<long, NGramContext> _contexts;
    private readonly int[] _followers;
    private readonly int[] _counts;
    private readonly long[] _prefix;

    public NGramTable(Dictionary<long, NGramContext> contexts, int[] followers, int[] counts)
    {
        _contexts = contexts;
        _followers = followers;
        _counts = counts;
        _prefix = new long[counts.Length + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + counts[i];
        }
    }

    /// <summary>Number of distinct n-grams (context, follower) at this order.</summary>
    public int Types => _followers.Length;

    public bool TryGet(long context, out NGramContext entry) => _contexts.TryGetValue(context, out entry);

    public ReadOnlySpan<int> Followers(NGramContext entry) => _followers.AsSpan(entry.Start, entry.Distinct);

    public ReadOnlySpan<int> Counts(NGramContext entry) => _counts.AsSpan(entry.Start, entry.Distinct);

    public int CountOf(NGramContext entry, int token)
    {
        var i = Followers(entry).BinarySearch(token);
        return i >= 0 ? _counts[entry.Start + i] : 0;
    }

    /// <summary>The follower k whose discounted interval holds <paramref name="u"/>: the first k with
    /// Σ_{j≤k} (c_j - D) &gt; u, for 0 ≤ u &lt; c(h) - D N1+(h •). Binary search, since every c_j - D is positive.</summary>
    public int DiscountedFollowerAt(NGramContext entry, double u, double discount)
    {
        int low = 0, high = entry.Distinct - 1;
        var start = _prefix[entry.Start];
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_prefix[entry.Start + middle + 1] - start - discount * (middle + 1) > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _followers[entry.Start + low];
    }
}
