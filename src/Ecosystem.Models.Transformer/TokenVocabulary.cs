namespace Ecosystem.Models.Transformer;

/// <summary>The model's vocabulary: a begin-of-document symbol, an unknown symbol, and the token ids it models.</summary>
/// <remarks>Compacting the 50,257 GPT-2 ids to those present in the training set (or to its most frequent ones)
/// shrinks the embedding and the output softmax, which dominate a small model's size and time. Probability given to
/// the unknown symbol is shared by the source ids without a row of their own in proportion to their training count
/// plus one (a class-based factorisation with one context-free tail class), so scores remain a distribution over all
/// source ids and perplexities stay comparable with the n-gram family's. Without a frequency cut every training id
/// has a row, the tail counts are all zero and the share is even.</remarks>
public sealed class TokenVocabulary
{
    /// <summary>Model id of the begin-of-document symbol.</summary>
    public const int Begin = 0;

    /// <summary>Model id of the unknown symbol.</summary>
    public const int Unknown = 1;

    private const int Reserved = 2;
    private readonly int[] _sourceIds;
    private readonly Dictionary<int, int> _modelIds;
    private readonly Dictionary<int, long> _tailCounts;
    private readonly double _tailLogDenominator;

    private TokenVocabulary(int[] sourceIds, int sourceSize, IReadOnlyDictionary<int, long>? tailCounts)
    {
        _sourceIds = sourceIds;
        SourceSize = sourceSize;
        _modelIds = new Dictionary<int, int>(sourceIds.Length);
        for (var i = 0; i < sourceIds.Length; i++)
        {
            _modelIds[sourceIds[i]] = i + Reserved;
        }

        _tailCounts = tailCounts?.Where(p => !_modelIds.ContainsKey(p.Key) && p.Value > 0).ToDictionary(p => p.Key, p => p.Value) ?? [];
        TailTokens = _tailCounts.Values.Sum();
        _tailLogDenominator = UnmodelledSourceIds > 0 ? Math.Log(TailTokens + (double)UnmodelledSourceIds) : 0;
    }

    /// <summary>Number of ids the source tokenizer has (50,257 for GPT-2).</summary>
    public int SourceSize { get; }

    /// <summary>Rows of the embedding and of the output layer.</summary>
    public int Size => _sourceIds.Length + Reserved;

    /// <summary>Source ids with no row of their own; they share the unknown symbol's probability.</summary>
    public int UnmodelledSourceIds => SourceSize - _sourceIds.Length;

    /// <summary>The source ids the model has rows for, in model-id order.</summary>
    public IReadOnlyList<int> SourceIds => _sourceIds;

    /// <summary>Training counts of the ids cut by the frequency limit (empty without one).</summary>
    public IReadOnlyDictionary<int, long> TailCounts => _tailCounts;

    /// <summary>Training tokens whose ids were cut by the frequency limit.</summary>
    public long TailTokens { get; }

    /// <summary>The vocabulary of every token in <paramref name="documents"/> or, with <paramref name="limit"/>, of its
    /// <paramref name="limit"/> most frequent ids (ties to the smaller id), in ascending source-id order.</summary>
    public static TokenVocabulary Compact(IEnumerable<int[]> documents, int sourceSize, int? limit = null)
    {
        var counts = new long[sourceSize];
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                if ((uint)token < (uint)sourceSize)
                {
                    counts[token]++;
                }
            }
        }

        var present = Enumerable.Range(0, sourceSize).Where(i => counts[i] > 0).ToArray();
        if (limit is not { } max || present.Length <= max)
        {
            return new TokenVocabulary(present, sourceSize, null);
        }

        var kept = present.OrderByDescending(i => counts[i]).ThenBy(i => i).Take(max).Order().ToArray();
        var keptSet = kept.ToHashSet();
        var tail = present.Where(i => !keptSet.Contains(i)).ToDictionary(i => i, i => counts[i]);
        return new TokenVocabulary(kept, sourceSize, tail);
    }

    /// <summary>Every source id (no compaction).</summary>
    public static TokenVocabulary Full(int sourceSize) => new(Enumerable.Range(0, sourceSize).ToArray(), sourceSize, null);

    /// <summary>A vocabulary restored from its source ids and tail counts (from a checkpoint).</summary>
    public static TokenVocabulary FromSourceIds(int[] sourceIds, int sourceSize, IReadOnlyDictionary<int, long>? tailCounts = null) =>
        new(sourceIds, sourceSize, tailCounts);

    /// <summary>The model id of a source id (<see cref="Unknown"/> when it has no row).</summary>
    public int ToModel(int sourceId) => _modelIds.TryGetValue(sourceId, out var id) ? id : Unknown;

    /// <summary>The source id of a model id; the reserved symbols have none.</summary>
    public int ToSource(int modelId) => modelId >= Reserved
        ? _sourceIds[modelId - Reserved]
        : throw new ArgumentOutOfRangeException(nameof(modelId), modelId, "The begin and unknown symbols have no source id.");

    /// <summary>True when the source id has a row of its own.</summary>
    public bool Contains(int sourceId) => _modelIds.ContainsKey(sourceId);

    /// <summary>log P(source id | unknown symbol) for an id without a row: its share of the unknown symbol's mass.</summary>
    public double UnknownShareLog(int sourceId)
    {
        var count = _tailCounts.TryGetValue(sourceId, out var c) ? c : 0;
        return Math.Log(count + 1.0) - _tailLogDenominator;
    }
}
