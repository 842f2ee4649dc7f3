using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>One-dimensional Gaussian mixture fitted by expectation-maximisation (Dempster, Laird and Rubin 1977), the GMM
/// example of Shumailov et al. (Nature 2024), whose refit chain loses its modes and variance.</summary>
/// <remarks>Initialised from evenly spaced sample quantiles (deterministic, no restarts, so the <see cref="Random"/> is
/// not needed); a variance floor of 1e-6 of the data's variance keeps a component from collapsing onto a single point;
/// stops when the log-likelihood changes by less than <c>tolerance</c> × max(1, |log-likelihood|) or after
/// <c>maxIterations</c>.</remarks>
public sealed class GaussianMixtureFamily : IModelFamily
{
    private readonly int _components;
    private readonly int _maxIterations;
    private readonly double _tolerance;

    /// <summary>A family of <paramref name="components"/>-component mixtures fitted by at most
    /// <paramref name="maxIterations"/> EM steps to a relative log-likelihood change of <paramref name="tolerance"/>.</summary>
    public GaussianMixtureFamily(int components, int maxIterations, double tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        _components = components;
        _maxIterations = maxIterations;
        _tolerance = tolerance;
    }

    /// <inheritdoc />
    public string Name => ModelFamilyNames.Gmm;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Weighted fits run weighted EM: each value's responsibilities count by its document's weight in the
    /// M step and in the log-likelihood; the starting point stays the unweighted quantiles.</remarks>
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        var x = trainingSet.SelectMany(d => d.Values).ToArray();
        // Unit weights (a) per value, or null for the unweighted fit, whose arithmetic stays as it was.
        var a = weights is null ? null : trainingSet.SelectMany((d, i) => Enumerable.Repeat(weights[i], d.Values.Length)).ToArray();
        var totalWeight = a?.Sum() ?? x.Length;
        var k = _components;
        if (x.Length < k)
        {
            throw new ArgumentException($"Fitting {k} components needs at least {k} values; found {x.Length}.", nameof(trainingSet));
        }

        var sorted = x.Order().ToArray();
        var mean = x.Average();
        var dataVariance = Math.Max(x.Sum(v => (v - mean) * (v - mean)) / x.Length, 1e-12);
        var floor = 1e-6 * dataVariance;
        var mixing = Enumerable.Repeat(1.0 / k, k).ToArray();
        var means = Enumerable.Range(0, k).Select(j => sorted[(int)((j + 0.5) * sorted.Length / k)]).ToArray();
        var variances = Enumerable.Repeat(dataVariance / k, k).ToArray();
        var responsibilities = new double[x.Length * k];
        var logs = new double[k];
        var logLikelihood = double.NegativeInfinity;

        for (var iteration = 0; iteration < _maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 0; j < k; j++)
            {
                // The per-component constant of log(w_j N(x; m_j, v_j)), hoisted out of the loop over points.
                logs[j] = Math.Log(mixing[j]) - 0.5 * Math.Log(2 * Math.PI * variances[j]);
            }

            double total = 0;
            for (var i = 0; i < x.Length; i++)
            {
                // Log-sum-exp keeps far-away points from underflowing to a zero total.
                var row = responsibilities.AsSpan(i * k, k);
                var max = double.NegativeInfinity;
                for (var j = 0; j < k; j++)
                {
                    var d = x[i] - means[j];
                    row[j] = logs[j] - d * d / (2 * variances[j]);
                    max = Math.Max(max, row[j]);
                }

                double sum = 0;
                for (var j = 0; j < k; j++)
                {
                    row[j] = Math.Exp(row[j] - max);
                    sum += row[j];
                }

                for (var j = 0; j < k; j++)
                {
                    row[j] /= sum;
                }

                total += (a?[i] ?? 1) * (max + Math.Log(sum));
            }

            for (var j = 0; j < k; j++)
            {
                double nj = 0, sx = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    var r = a is null ? responsibilities[i * k + j] : a[i] * responsibilities[i * k + j];
                    nj += r;
                    sx += r * x[i];
                }

                nj = Math.Max(nj, 1e-12);
                means[j] = sx / nj;
                double sv = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    var d = x[i] - means[j];
                    sv += (a is null ? responsibilities[i * k + j] : a[i] * responsibilities[i * k + j]) * d * d;
                }

                variances[j] = Math.Max(sv / nj, floor);
                mixing[j] = nj / totalWeight;
            }

            var converged = Math.Abs(total - logLikelihood) <= _tolerance * Math.Max(1, Math.Abs(total));
            logLikelihood = total;
            if (converged)
            {
                break;
            }
        }

        // Sorted by mean so that component labels are stable from one generation to the next.
        var order = Enumerable.Range(0, k).OrderBy(j => means[j]).ThenBy(j => j).ToArray();
        return new GaussianMixtureModel(
            new MixtureComponents([.. order.Select(j => mixing[j])], [.. order.Select(j => means[j])], [.. order.Select(j => variances[j])]),
            logLikelihood);
    }
}
