using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>Normal distribution fitted by sample mean and variance (Shumailov et al., Nature 2024, Gaussian refit theorem).</summary>
public sealed class GaussianFamily(VarianceEstimator estimator) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Gaussian;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default)
    {
        long m = 0;
        double sum = 0;
        foreach (var document in trainingSet)
        {
            foreach (var value in document.Values)
            {
                sum += value;
                m++;
            }
        }

        if (m < 2)
        {
            throw new ArgumentException($"Fitting a variance needs at least 2 values; found {m}.", nameof(trainingSet));
        }

        var mean = sum / m;
        double squares = 0;
        foreach (var document in trainingSet)
        {
            foreach (var value in document.Values)
            {
                squares += (value - mean) * (value - mean);
            }
        }

        var variance = squares / (estimator == VarianceEstimator.Unbiased ? m - 1 : m);
        return new GaussianModel(mean, variance);
    }
}
