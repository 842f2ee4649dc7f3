namespace Ecosystem.Metrics;

/// <summary>Tail mass: the share of tokens falling outside the k most frequent tokens of a human reference
/// corpus, a measure of how much of the rare-token tail a text distribution keeps (tails vanish first under
/// model collapse: Shumailov et al. 2024, "AI models collapse when trained on recursively generated data", Nature).</summary>
/// <remarks>Frequency ties at the head boundary are broken by ascending token id, so the head set is unique.
/// Token ids absent from the reference (including negative ones) count as tail.</remarks>
public sealed class TailMass
{
    private readonly int[] _head;
    private readonly bool[] _isHead;

    /// <summary>Builds the head set from human reference documents.</summary>
    /// <param name="humanDocuments">The human reference corpus.</param>
    /// <param name="topK">Size of the head set (fewer when the reference has fewer distinct tokens).</param>
    public TailMass(IReadOnlyList<int[]> humanDocuments, int topK)
        : this(UnigramCounts.From(humanDocuments), topK)
    {
    }

    /// <summary>Builds the head set from counted human reference tokens.</summary>
    /// <param name="reference">Token counts of the human reference corpus.</param>
    /// <param name="topK">Size of the head set (fewer when the reference has fewer distinct tokens).</param>
    public TailMass(UnigramCounts reference, int topK)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        TopK = topK;

        var ids = reference.Tokens.ToArray();
        var counts = reference.Counts.ToArray();
        var order = new int[ids.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Ids are unique, so this comparison is a strict total order and the sort result is unique.
        Array.Sort(order, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : ids[a].CompareTo(ids[b]));

        _head = new int[Math.Min(topK, ids.Length)];
        var maxHeadId = -1;
        for (var i = 0; i < _head.Length; i++)
        {
            _head[i] = ids[order[i]];
            maxHeadId = Math.Max(maxHeadId, _head[i]);
        }

        _isHead = new bool[maxHeadId + 1];
        foreach (var t in _head)
        {
            _isHead[t] = true;
        }

        long headTokens = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (IsHead(ids[i]))
            {
                headTokens += counts[i];
            }
        }

        ReferenceValue = reference.Total == 0 ? 0 : (double)(reference.Total - headTokens) / reference.Total;
    }

    /// <summary>The requested head size k.</summary>
    public int TopK { get; }

    /// <summary>Head tokens from most to least frequent in the reference.</summary>
    public IReadOnlyList<int> HeadTokens => _head;

    /// <summary>Tail mass of the human reference corpus itself, the baseline for model output.</summary>
    public double ReferenceValue { get; }

    /// <summary>True when the token is one of the reference's top-k tokens.</summary>
    public bool IsHead(int token) => (uint)token < (uint)_isHead.Length && _isHead[token];

    /// <summary>Share of the documents' tokens outside the head set; 0 when there are no tokens.</summary>
    public double Compute(IReadOnlyList<int[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        long total = 0;
        long tail = 0;
        var isHead = _isHead;
        for (var d = 0; d < documents.Count; d++)
        {
            var tokens = documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents));
            total += tokens.Length;
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                if ((uint)t >= (uint)isHead.Length || !isHead[t])
                {
                    tail++;
                }
            }
        }

        return total == 0 ? 0 : (double)tail / total;
    }
}
