using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>Normal distribution fitted by sample mean and variance (Shumailov et al., Nature 2024, Gaussian refit theorem).</summary>
/// <remarks>Weighted fits use the weighted mean and, for the unbiased estimator, the reliability-weighted variance
/// Σ a (x - m)² / (A - Σ a² / A), A = Σ a, which is unbiased for independent values of one variance and is the usual
/// m - 1 form when every weight is 1; the mle variance divides by A. When the parts have different means (real data
/// against a drifted generation), their spread adds about w (1 - w) times the squared gap to the fitted variance, so
/// He, Xu and Cheng's closed form, which samples with the true variance, holds exactly for a known variance only.</remarks>
/// <param name="estimator">How the variance is estimated.</param>
/// <param name="knownVariance">The true variance, for <see cref="VarianceEstimator.Known"/>.</param>
public sealed class GaussianFamily(VarianceEstimator estimator, double? knownVariance = null) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Gaussian;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        long m = 0;
        double sum = 0, total = 0, squaredWeights = 0;
        for (var d = 0; d < trainingSet.Count; d++)
        {
            var a = weights?[d] ?? 1;
            foreach (var value in trainingSet[d].Values)
            {
                sum += a * value;
                total += a;
                squaredWeights += a * a;
                m++;
            }
        }

        if (m < 2)
        {
            throw new ArgumentException($"Fitting a variance needs at least 2 values; found {m}.", nameof(trainingSet));
        }

        var mean = sum / total;
        if (estimator == VarianceEstimator.Known)
        {
            return new GaussianModel(mean, knownVariance ?? throw new InvalidOperationException("A known variance must be given to fit the mean only."));
        }

        double squares = 0;
        for (var d = 0; d < trainingSet.Count; d++)
        {
            var a = weights?[d] ?? 1;
            foreach (var value in trainingSet[d].Values)
            {
                squares += a * (value - mean) * (value - mean);
            }
        }

        // With unit weights total - squaredWeights / total is m - 1 exactly; kept as integers then, so that an
        // unweighted fit gives the same bits as before weights existed.
        var denominator = estimator == VarianceEstimator.Unbiased
            ? weights is null ? m - 1 : total - squaredWeights / total
            : weights is null ? m : total;
        return new GaussianModel(mean, squares / denominator);
    }
}
