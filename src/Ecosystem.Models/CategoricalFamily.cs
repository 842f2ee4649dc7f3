using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>Categorical distribution fitted by empirical frequencies: Shumailov et al.'s exact approximation, whose
/// refit chain is a Markov chain absorbed in a delta function.</summary>
public sealed class CategoricalFamily(int categories) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Categorical;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Weighted fits are weighted frequencies: each draw counts by its document's weight.</remarks>
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        var counts = new double[categories];
        double total = 0;
        long draws = 0;
        for (var d = 0; d < trainingSet.Count; d++)
        {
            var a = weights?[d] ?? 1;
            foreach (var token in trainingSet[d].Tokens)
            {
                if ((uint)token >= (uint)categories)
                {
                    throw new ArgumentException($"Category {token} is outside 0..{categories - 1}.", nameof(trainingSet));
                }

                counts[token] += a;
                total += a;
                draws++;
            }
        }

        if (draws == 0)
        {
            throw new ArgumentException("Cannot fit a categorical distribution to no data.", nameof(trainingSet));
        }

        return new CategoricalModel(counts.Select(c => c / total).ToArray());
    }
}
