using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>One-dimensional Gaussian mixture fitted by expectation-maximisation (the GMM example of Shumailov et al.).</summary>
/// <remarks>Initialised from evenly spaced sample quantiles (deterministic, no restarts); a variance floor of 1e-6 of
/// the data's variance keeps a component from collapsing onto a single point.</remarks>
public sealed class GaussianMixtureFamily(int components, int maxIterations, double tolerance) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Gmm;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default)
    {
        var x = trainingSet.SelectMany(d => d.Values).ToArray();
        if (x.Length < components)
        {
            throw new ArgumentException($"Fitting {components} components needs at least {components} values; found {x.Length}.", nameof(trainingSet));
        }

        var k = components;
        var sorted = x.Order().ToArray();
        var mean = x.Average();
        var dataVariance = Math.Max(x.Sum(v => (v - mean) * (v - mean)) / x.Length, 1e-12);
        var floor = 1e-6 * dataVariance;
        var weights = Enumerable.Repeat(1.0 / k, k).ToArray();
        var means = Enumerable.Range(0, k).Select(j => sorted[(int)((j + 0.5) * sorted.Length / k)]).ToArray();
        var variances = Enumerable.Repeat(dataVariance / k, k).ToArray();
        var responsibilities = new double[x.Length, k];
        var logLikelihood = double.NegativeInfinity;

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double total = 0;
            for (var i = 0; i < x.Length; i++)
            {
                // Log-sum-exp keeps far-away points from underflowing to a zero total.
                var logs = new double[k];
                var max = double.NegativeInfinity;
                for (var j = 0; j < k; j++)
                {
                    var d = x[i] - means[j];
                    logs[j] = Math.Log(weights[j]) - 0.5 * Math.Log(2 * Math.PI * variances[j]) - d * d / (2 * variances[j]);
                    max = Math.Max(max, logs[j]);
                }

                double sum = 0;
                for (var j = 0; j < k; j++)
                {
                    sum += Math.Exp(logs[j] - max);
                }

                for (var j = 0; j < k; j++)
                {
                    responsibilities[i, j] = Math.Exp(logs[j] - max) / sum;
                }

                total += max + Math.Log(sum);
            }

            for (var j = 0; j < k; j++)
            {
                double nj = 0, sx = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    nj += responsibilities[i, j];
                    sx += responsibilities[i, j] * x[i];
                }

                nj = Math.Max(nj, 1e-12);
                means[j] = sx / nj;
                double sv = 0;
                for (var i = 0; i < x.Length; i++)
                {
                    sv += responsibilities[i, j] * (x[i] - means[j]) * (x[i] - means[j]);
                }

                variances[j] = Math.Max(sv / nj, floor);
                weights[j] = nj / x.Length;
            }

            var converged = Math.Abs(total - logLikelihood) < tolerance * Math.Max(1, Math.Abs(total));
            logLikelihood = total;
            if (converged)
            {
                break;
            }
        }

        var order = Enumerable.Range(0, k).OrderBy(j => means[j]).ThenBy(j => j).ToArray();
        return new GaussianMixtureModel(
            new MixtureComponents(order.Select(j => weights[j]).ToArray(), order.Select(j => means[j]).ToArray(), order.Select(j => variances[j]).ToArray()),
            logLikelihood);
    }
}
