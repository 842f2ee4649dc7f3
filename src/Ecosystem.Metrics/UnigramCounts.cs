namespace Ecosystem.Metrics;

/// <summary>Token frequencies of a document set, held in ascending token-id order.</summary>
/// <remarks>The ascending order is the canonical summation order for every floating-point statistic built on
/// these counts, so results never depend on hash-table enumeration order. Token ids must be non-negative.</remarks>
public sealed class UnigramCounts
{
    // Ids below this are counted in a dense array (GPT-2 needs 50,257 slots); larger ids use a dictionary.
    private const int DenseLimit = 1 << 24;

    private readonly int[] _tokens;
    private readonly long[] _counts;

    private UnigramCounts(int[] tokens, long[] counts, long total)
    {
        _tokens = tokens;
        _counts = counts;
        Total = total;
    }

    /// <summary>Distinct token ids in ascending order.</summary>
    public ReadOnlySpan<int> Tokens => _tokens;

    /// <summary>Occurrences of the token at the same index in <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Number of distinct tokens (vocabulary size).</summary>
    public int Distinct => _tokens.Length;

    /// <summary>Total number of token occurrences.</summary>
    public long Total { get; }

    /// <summary>Counts the tokens of all documents.</summary>
    public static UnigramCounts From(IReadOnlyList<int[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var maxId = -1;
        long total = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents));
            total += tokens.Length;
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                if (t < 0)
                {
                    throw new ArgumentException($"Document {d} holds negative token id {t}.", nameof(documents));
                }

                if (t > maxId)
                {
                    maxId = t;
                }
            }
        }

        return maxId < DenseLimit ? CountDense(documents, maxId, total) : CountSparse(documents, total);
    }

    private static UnigramCounts CountDense(IReadOnlyList<int[]> documents, int maxId, long total)
    {
        var dense = new long[maxId + 1];
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d];
            for (var i = 0; i < tokens.Length; i++)
            {
                dense[tokens[i]]++;
            }
        }

        var distinct = 0;
        for (var t = 0; t < dense.Length; t++)
        {
            if (dense[t] != 0)
            {
                distinct++;
            }
        }

        var ids = new int[distinct];
        var counts = new long[distinct];
        var k = 0;
        for (var t = 0; t < dense.Length; t++)
        {
            if (dense[t] != 0)
            {
                ids[k] = t;
                counts[k] = dense[t];
                k++;
            }
        }

        return new UnigramCounts(ids, counts, total);
    }

    private static UnigramCounts CountSparse(IReadOnlyList<int[]> documents, long total)
    {
        var map = new Dictionary<int, long>();
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d];
            for (var i = 0; i < tokens.Length; i++)
            {
                map[tokens[i]] = map.GetValueOrDefault(tokens[i]) + 1;
            }
        }

        var ids = new int[map.Count];
        map.Keys.CopyTo(ids, 0);
        Array.Sort(ids);
        var counts = new long[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            counts[i] = map[ids[i]];
        }

        return new UnigramCounts(ids, counts, total);
    }
}
