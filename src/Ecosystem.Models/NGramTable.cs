namespace Ecosystem.Models;

/// <summary>The counts of one order of an n-gram model: packed context key to a slice of flat arrays holding the
/// follower tokens (ascending), their counts and running sums of the counts, so a million n-grams cost a few arrays
/// rather than a million objects.</summary>
/// <remarks>An unweighted table holds integer counts, every one at least 1 and so above the discount D. A weighted
/// table (a fit with training weights) holds fractional counts instead, which may fall below D, so its model discounts
/// each count to max(c - D, 0) and backs off with the mass Σ_w min(c(h w), D), what the discounting removed. The
/// fractional counts live beside the integer arrays, absent from unweighted tables, so that weights cost an unweighted
/// fit neither memory per n-gram nor a branch per count: members that serve both kinds branch once per call.</remarks>
internal sealed class NGramTable
{
    private readonly Dictionary<long, NGramContext> _contexts;
    private readonly int[] _followers;
    private readonly int[] _counts;
    private readonly long[] _prefix;
    private readonly WeightedCounts? _weighted;

    /// <summary>An unweighted table of integer counts.</summary>
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

    /// <summary>A weighted table of positive fractional <paramref name="counts"/>, discounted by
    /// <paramref name="discount"/>.</summary>
    public NGramTable(Dictionary<long, NGramContext> contexts, int[] followers, double[] counts, double discount)
    {
        _contexts = contexts;
        _followers = followers;
        _counts = [];
        _prefix = [];

        // Running sums restart at each context, unlike the unweighted prefix: a difference of two table-wide double
        // sums would lose a small context's digits to the size of the table.
        var kept = new double[counts.Length];
        foreach (var entry in contexts.Values)
        {
            double sum = 0;
            for (var i = entry.Start; i < entry.Start + entry.Distinct; i++)
            {
                sum += Math.Max(counts[i] - discount, 0);
                kept[i] = sum;
            }
        }

        _weighted = new WeightedCounts(counts, kept);
    }

    /// <summary>Number of distinct n-grams (context, follower) at this order.</summary>
    public int Types => _followers.Length;

    /// <summary>Whether the counts are weighted (fractional) rather than integers.</summary>
    public bool IsWeighted => _weighted is not null;

    public bool TryGet(long context, out NGramContext entry) => _contexts.TryGetValue(context, out entry);

    public ReadOnlySpan<int> Followers(NGramContext entry) => _followers.AsSpan(entry.Start, entry.Distinct);

    /// <summary>The integer counts of an unweighted table.</summary>
    public ReadOnlySpan<int> Counts(NGramContext entry) =>
        _weighted is null ? _counts.AsSpan(entry.Start, entry.Distinct) : throw new InvalidOperationException("A weighted table has no integer counts.");

    /// <summary>The fractional counts of a weighted table.</summary>
    public ReadOnlySpan<double> WeightedCountsOf(NGramContext entry) =>
        _weighted is { } weighted ? weighted.Counts.AsSpan(entry.Start, entry.Distinct) : throw new InvalidOperationException("An unweighted table has integer counts.");

    /// <summary>c(h w) in an unweighted table (0 when w never followed h).</summary>
    public int CountOf(NGramContext entry, int token)
    {
        var i = Followers(entry).BinarySearch(token);
        return i >= 0 ? _counts[entry.Start + i] : 0;
    }

    /// <summary>max(c(h w) - D, 0) in a weighted table (0 when w never followed h).</summary>
    public double WeightedDiscountedCountOf(NGramContext entry, int token, double discount)
    {
        var i = Followers(entry).BinarySearch(token);
        return i >= 0 ? Math.Max(Weighted.Counts[entry.Start + i] - discount, 0) : 0;
    }

    /// <summary>max(c(h w) - D, 0) for every follower w of h, written to <paramref name="destination"/>.</summary>
    public void DiscountedCounts(NGramContext entry, double discount, Span<double> destination)
    {
        if (_weighted is { } weighted)
        {
            var counts = weighted.Counts.AsSpan(entry.Start, entry.Distinct);
            for (var i = 0; i < counts.Length; i++)
            {
                destination[i] = Math.Max(counts[i] - discount, 0);
            }

            return;
        }

        // Every integer count is at least 1 > D: no clamp, so the values are those the model always used.
        var integers = Counts(entry);
        for (var i = 0; i < integers.Length; i++)
        {
            destination[i] = integers[i] - discount;
        }
    }

    /// <summary>The mass the discount takes from h's followers and the model gives to the lower order:
    /// Σ_w min(c(h w), D), which is D N1+(h •) when every count is at least D.</summary>
    /// <remarks>A weighted table gives c(h) less the kept mass, the complement of the very running sums that
    /// <see cref="WeightedFollowerAt"/> searches, so probabilities and sampling split c(h) at the same point.</remarks>
    public double BackOffMass(NGramContext entry, double discount) =>
        _weighted is null ? discount * entry.Distinct : entry.Total - WeightedKeptMass(entry);

    /// <summary>Σ_w max(c(h w) - D, 0): the mass h's followers keep after discounting, c(h) - D N1+(h •) when every
    /// count is at least D (an unweighted table).</summary>
    public double KeptMass(NGramContext entry, double discount) =>
        _weighted is null ? entry.Total - discount * entry.Distinct : WeightedKeptMass(entry);

    /// <summary>The follower whose kept interval holds <paramref name="u"/>, 0 ≤ u &lt; <see cref="KeptMass"/>.</summary>
    public int FollowerAt(NGramContext entry, double u, double discount) =>
        _weighted is null ? DiscountedFollowerAt(entry, u, discount) : WeightedFollowerAt(entry, u);

    /// <summary>Σ_w max(c(h w) - D, 0) in a weighted table: the mass its followers keep after discounting.</summary>
    public double WeightedKeptMass(NGramContext entry) => Weighted.Kept[entry.Start + entry.Distinct - 1];

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

    /// <summary><see cref="DiscountedFollowerAt"/> for a weighted table, for 0 ≤ u &lt; <see cref="WeightedKeptMass"/>:
    /// the first k with Σ_{j≤k} max(c_j - D, 0) &gt; u. A follower whose count is at most D has an empty interval (its
    /// running sum equals the previous one), so the search never lands on it.</summary>
    public int WeightedFollowerAt(NGramContext entry, double u) =>
        _followers[entry.Start + TemperedNode.IndexAt(Weighted.Kept.AsSpan(entry.Start, entry.Distinct), u)];

    private WeightedCounts Weighted => _weighted ?? throw new InvalidOperationException("An unweighted table has no fractional counts.");

    /// <summary>A weighted table's fractional counts and, per context, running sums of max(c - D, 0) over its followers.</summary>
    private sealed record WeightedCounts(double[] Counts, double[] Kept);
}
