namespace Ecosystem.Corpus;

/// <summary>Human text as documents of token ids, split by source text into training and held-out parts.</summary>
/// <remarks>Both lists are in canonical order: genre, then source id, then chunk index. No source text
/// contributes to both lists.</remarks>
public sealed class HumanCorpus
{
    /// <summary>Wraps already split documents.</summary>
    public HumanCorpus(
        CorpusOptions options,
        IReadOnlyList<HumanTextDocument> train,
        IReadOnlyList<HumanTextDocument> heldOut,
        int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(heldOut);
        Options = options;
        Train = Array.AsReadOnly(train.ToArray());
        HeldOut = Array.AsReadOnly(heldOut.ToArray());
        Genres = Array.AsReadOnly(Train.Concat(HeldOut).Select(d => d.Genre).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        VocabularySize = vocabularySize;
        TrainTokenCount = Train.Sum(d => (long)d.Tokens.Length);
        HeldOutTokenCount = HeldOut.Sum(d => (long)d.Tokens.Length);
    }

    /// <summary>The options this corpus was loaded with.</summary>
    public CorpusOptions Options { get; }

    /// <summary>Documents that human authors publish and models may train on.</summary>
    public IReadOnlyList<HumanTextDocument> Train { get; }

    /// <summary>Documents kept aside for evaluation; never published.</summary>
    public IReadOnlyList<HumanTextDocument> HeldOut { get; }

    /// <summary>Genres present in either part, sorted ordinally.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Number of distinct token ids.</summary>
    public int VocabularySize { get; }

    /// <summary>Total tokens in <see cref="Train"/>.</summary>
    public long TrainTokenCount { get; }

    /// <summary>Total tokens in <see cref="HeldOut"/>.</summary>
    public long HeldOutTokenCount { get; }
}
