namespace Ecosystem.Models;

/// <summary>How much each document of a training set counts in a fit (He, Xu and Cheng's weighting of real against
/// synthetic data): one weight per document, applied to each of its tokens or values, scaled so that the weights of
/// all units average 1. A fit with every weight 1 is the unweighted fit.</summary>
public sealed class TrainingWeights
{
    private readonly double[] _perDocument;

    private TrainingWeights(double[] perDocument) => _perDocument = perDocument;

    /// <summary>The weight of each unit (token or value) of document i, in training-set order.</summary>
    public IReadOnlyList<double> PerDocument => _perDocument;

    /// <summary>The weight of each unit of document <paramref name="index"/>.</summary>
    public double this[int index] => _perDocument[index];

    /// <summary>Weights giving the real part of a training set the share <paramref name="realWeight"/> of the total
    /// and the synthetic part the rest, whatever the parts' sizes; null (an unweighted fit) when either part is empty,
    /// since a share of nothing cannot be given.</summary>
    /// <param name="isReal">Per document: whether people wrote it.</param>
    /// <param name="lengths">Per document: its number of tokens or values.</param>
    /// <param name="realWeight">The real part's share w, in [0, 1].</param>
    public static TrainingWeights? ForRealShare(IReadOnlyList<bool> isReal, IReadOnlyList<int> lengths, double realWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(realWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(realWeight, 1);
        if (isReal.Count != lengths.Count)
        {
            throw new ArgumentException($"{isReal.Count} provenance flags for {lengths.Count} documents.", nameof(lengths));
        }

        long real = 0, synthetic = 0;
        for (var i = 0; i < isReal.Count; i++)
        {
            if (isReal[i])
            {
                real += lengths[i];
            }
            else
            {
                synthetic += lengths[i];
            }
        }

        if (real == 0 || synthetic == 0)
        {
            return null;
        }

        // Each part's units share its weight equally; the total stays the number of units, so count-based smoothing
        // (an n-gram's discount) keeps its scale.
        double total = real + synthetic;
        var realUnit = realWeight * total / real;
        var syntheticUnit = (1 - realWeight) * total / synthetic;
        var perDocument = new double[isReal.Count];
        for (var i = 0; i < perDocument.Length; i++)
        {
            perDocument[i] = isReal[i] ? realUnit : syntheticUnit;
        }

        return new TrainingWeights(perDocument);
    }

    /// <summary>Explicit per-document unit weights (non-negative, not all zero), rescaled to average 1 per unit.</summary>
    public static TrainingWeights Of(IReadOnlyList<double> perDocument, IReadOnlyList<int> lengths)
    {
        if (perDocument.Count != lengths.Count)
        {
            throw new ArgumentException($"{perDocument.Count} weights for {lengths.Count} documents.", nameof(perDocument));
        }

        double weighted = 0;
        long units = 0;
        for (var i = 0; i < perDocument.Count; i++)
        {
            if (!(perDocument[i] >= 0) || double.IsInfinity(perDocument[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(perDocument), perDocument[i], $"Weight {i} must be a finite number of at least 0.");
            }

            weighted += perDocument[i] * lengths[i];
            units += lengths[i];
        }

        if (weighted <= 0)
        {
            throw new ArgumentException("At least one unit must have a positive weight.", nameof(perDocument));
        }

        var scale = units / weighted;
        return new TrainingWeights([.. perDocument.Select(w => w * scale)]);
    }

    /// <summary>Checks that the weights belong to a training set of <paramref name="documents"/> documents.</summary>
    public void CheckCount(int documents)
    {
        if (documents != _perDocument.Length)
        {
            throw new ArgumentException($"{_perDocument.Length} weights for a training set of {documents} documents.");
        }
    }
}
