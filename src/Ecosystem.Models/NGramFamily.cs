using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>Interpolated Kneser-Ney n-gram language model with one absolute discount D for every order
/// (Kneser and Ney 1995; Chen and Goodman 1999), interpolated at the bottom with a uniform distribution over the
/// whole tokenizer vocabulary so that every token has non-zero probability.</summary>
public sealed class NGramFamily : IModelFamily
{
    private readonly int _order;
    private readonly double _discount;
    private readonly int _vocabularySize;

    /// <summary>A family of order <paramref name="order"/> (1..5) over token ids 0..<paramref name="vocabularySize"/>-1.</summary>
    public NGramFamily(int order, double discount, int vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, 5);
        if (discount is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "The discount must be in (0, 1).");
        }

        // Token ids and the begin-of-sequence id must fit the 16 bits per token of the packed context keys.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vocabularySize, (1 << NGramCounter.BitsPerToken) - 1);
        _order = order;
        _discount = discount;
        _vocabularySize = vocabularySize;
    }

    /// <inheritdoc />
    public string Name => ModelFamilyNames.NGram;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Weighted fits count each n-gram occurrence by its document's weight, and each left-extension in the
    /// lower orders' continuation counts by its most trusted occurrence (see <see cref="NGramCounter"/>); with every
    /// weight 1 they give the unweighted model.</remarks>
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        var documents = trainingSet.Select(d => d.Tokens).ToList();
        foreach (var document in documents)
        {
            foreach (var token in document)
            {
                if ((uint)token >= (uint)_vocabularySize)
                {
                    throw new ArgumentException($"Token {token} is outside the vocabulary 0..{_vocabularySize - 1}.", nameof(trainingSet));
                }
            }
        }

        var tables = weights is null
            ? NGramCounter.Build(documents, _order, beginToken: _vocabularySize)
            : NGramCounter.BuildWeighted(documents, weights.PerDocument, _order, beginToken: _vocabularySize, _discount);
        return new NGramModel(tables, _order, _discount, _vocabularySize, documents.Sum(d => (long)d.Length));
    }
}
