namespace Ecosystem.Metrics;

/// <summary>Maps the token ids of a fixed vocabulary to dense indices 0..Count-1, in ascending id order.</summary>
internal sealed class TokenIdMap
{
    // Ids below this use a direct lookup array (GPT-2 needs 50,257 slots); a larger id switches to a dictionary.
    private const int DenseLimit = 1 << 24;

    private readonly int[]? _dense;
    private readonly Dictionary<int, int>? _sparse;

    private TokenIdMap(int[]? dense, Dictionary<int, int>? sparse, int count)
    {
        _dense = dense;
        _sparse = sparse;
        Count = count;
    }

    /// <summary>Number of distinct ids in the vocabulary.</summary>
    public int Count { get; }

    /// <summary>Builds the map from the sorted, distinct ids of a vocabulary.</summary>
    public static TokenIdMap FromSortedIds(ReadOnlySpan<int> sortedIds)
    {
        if (sortedIds.Length == 0)
        {
            return new TokenIdMap([], null, 0);
        }

        var maxId = sortedIds[^1];
        if (maxId < DenseLimit)
        {
            var dense = new int[maxId + 1];
            Array.Fill(dense, -1);
            for (var i = 0; i < sortedIds.Length; i++)
            {
                dense[sortedIds[i]] = i;
            }

            return new TokenIdMap(dense, null, sortedIds.Length);
        }

        var sparse = new Dictionary<int, int>(sortedIds.Length);
        for (var i = 0; i < sortedIds.Length; i++)
        {
            sparse[sortedIds[i]] = i;
        }

        return new TokenIdMap(null, sparse, sortedIds.Length);
    }

    /// <summary>The dense index of the id, or -1 when it is not in the vocabulary.</summary>
    public int IndexOf(int token)
    {
        if (_dense is not null)
        {
            return (uint)token < (uint)_dense.Length ? _dense[token] : -1;
        }

        return _sparse!.TryGetValue(token, out var index) ? index : -1;
    }
}
