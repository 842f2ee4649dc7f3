using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>Categorical distribution fitted by empirical frequencies: Shumailov et al.'s exact approximation, whose
/// refit chain is a Markov chain absorbed in a delta function.</summary>
public sealed class CategoricalFamily(int categories) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Categorical;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default)
    {
        var counts = new long[categories];
        long total = 0;
        foreach (var document in trainingSet)
        {
            foreach (var token in document.Tokens)
            {
                if ((uint)token >= (uint)categories)
                {
                    throw new ArgumentException($"Category {token} is outside 0..{categories - 1}.", nameof(trainingSet));
                }

                counts[token]++;
                total++;
            }
        }

        if (total == 0)
        {
            throw new ArgumentException("Cannot fit a categorical distribution to no data.", nameof(trainingSet));
        }

        return new CategoricalModel(counts.Select(c => (double)c / total).ToArray());
    }
}
