namespace Ecosystem.Watermarking;

/// <summary>A distribution over token ids proportional to counts (for example the human unigram distribution), sampled
/// by binary search over running sums.</summary>
public sealed class UnigramDistribution
{
    private readonly int[] _tokens;
    private readonly long[] _cumulative;

    /// <summary>Token <paramref name="tokens"/>[i] has weight <paramref name="counts"/>[i]; the total must be positive.</summary>
    public UnigramDistribution(ReadOnlySpan<int> tokens, ReadOnlySpan<long> counts)
    {
        if (tokens.Length != counts.Length)
        {
            throw new ArgumentException($"{tokens.Length} tokens but {counts.Length} counts.", nameof(counts));
        }

        _tokens = tokens.ToArray();
        _cumulative = new long[counts.Length];
        long sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], nameof(counts));
            sum += counts[i];
            _cumulative[i] = sum;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sum, "total count");
    }

    /// <summary>Total weight.</summary>
    public long Total => _cumulative[^1];

    /// <summary>Draws a token with probability count / total.</summary>
    public int Sample(Random random)
    {
        var u = random.NextInt64(Total);
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_cumulative[middle] > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _tokens[low];
    }
}
