namespace Ecosystem.Models.Transformer;

/// <summary>The model's vocabulary: a begin-of-document symbol, an unknown symbol, and the token ids it models.</summary>
/// <remarks>Compacting the 50,257 GPT-2 ids to those present in the training set shrinks the embedding (the largest
/// part of a small model) and the output softmax. Probability given to the unknown symbol is spread evenly over the
/// source ids outside the vocabulary, so scores remain a distribution over all source ids and perplexities stay
/// comparable with the n-gram family's.</remarks>
public sealed class TokenVocabulary
{
    /// <summary>Model id of the begin-of-document symbol.</summary>
    public const int Begin = 0;

    /// <summary>Model id of the unknown symbol.</summary>
    public const int Unknown = 1;

    private const int Reserved = 2;
    private readonly int[] _sourceIds;
    private readonly Dictionary<int, int> _modelIds;

    private TokenVocabulary(int[] sourceIds, int sourceSize)
    {
        _sourceIds = sourceIds;
        SourceSize = sourceSize;
        _modelIds = new Dictionary<int, int>(sourceIds.Length);
        for (var i = 0; i < sourceIds.Length; i++)
        {
            _modelIds[sourceIds[i]] = i + Reserved;
        }
    }

    /// <summary>Number of ids the source tokenizer has (50,257 for GPT-2).</summary>
    public int SourceSize { get; }

    /// <summary>Rows of the embedding and of the output layer.</summary>
    public int Size => _sourceIds.Length + Reserved;

    /// <summary>Source ids with no row of their own; they share the unknown symbol's probability.</summary>
    public int UnmodelledSourceIds => SourceSize - _sourceIds.Length;

    /// <summary>The source ids the model has rows for, in model-id order.</summary>
    public IReadOnlyList<int> SourceIds => _sourceIds;

    /// <summary>The vocabulary of every token in <paramref name="documents"/>, in ascending source-id order.</summary>
    public static TokenVocabulary Compact(IEnumerable<int[]> documents, int sourceSize)
    {
        var present = new bool[sourceSize];
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                if ((uint)token < (uint)sourceSize)
                {
                    present[token] = true;
                }
            }
        }

        var ids = new List<int>();
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i])
            {
                ids.Add(i);
            }
        }

        return new TokenVocabulary([.. ids], sourceSize);
    }

    /// <summary>Every source id (no compaction).</summary>
    public static TokenVocabulary Full(int sourceSize) => new(Enumerable.Range(0, sourceSize).ToArray(), sourceSize);

    /// <summary>A vocabulary restored from its source ids (from a checkpoint).</summary>
    public static TokenVocabulary FromSourceIds(int[] sourceIds, int sourceSize) => new(sourceIds, sourceSize);

    /// <summary>The model id of a source id (<see cref="Unknown"/> when it has no row).</summary>
    public int ToModel(int sourceId) => _modelIds.TryGetValue(sourceId, out var id) ? id : Unknown;

    /// <summary>The source id of a model id; the reserved symbols have none.</summary>
    public int ToSource(int modelId) => modelId >= Reserved
        ? _sourceIds[modelId - Reserved]
        : throw new ArgumentOutOfRangeException(nameof(modelId), modelId, "The begin and unknown symbols have no source id.");

    /// <summary>True when the source id has a row of its own.</summary>
    public bool Contains(int sourceId) => _modelIds.ContainsKey(sourceId);
}
