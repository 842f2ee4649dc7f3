using Ecosystem.Abstractions.Metrics;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Shumailov et al.'s theorems reproduced by the whole ecosystem (authors, shards, vendors, generations on a
/// real silo), not by the model classes alone: the chain emerges from scraping, training and publishing.</summary>
public class TheoryThroughTheEcosystemTests(SingleSiloCluster fixture) : IClassFixture<SingleSiloCluster>
{
    private const int Chains = 400;
    private const int SamplesPerGeneration = 100;
    private const int Generations = 30;

    private static string GaussianScenario(string estimator) => $$"""
        {
          "name": "gaussian-{{estimator}}", "seed": 21, "ticks": {{Generations + 1}}, "replicates": {{Chains}}, "shards": 1,
          "data": { "kind": "gaussian", "gaussian": { "mean": 0, "stddev": 1 } },
          "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": {{SamplesPerGeneration}} },
          "vendors": [ { "name": "refit", "model": { "family": "gaussian", "variance": "{{estimator}}" },
                         "training": { "policy": "replace", "sources": "self" },
                         "deployment": { "documentsPerTick": 1 } } ],
          "metrics": { "samplesPerTick": 0 }
        }
        """;

    [Fact]
    public async Task Unbiased_refit_keeps_the_mean_variance_while_the_median_falls_as_theory_predicts()
    {
        var result = await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(GaussianScenario("unbiased")));
        var k = SamplesPerGeneration - 1;

        // ln(sigma_n^2) is a sum of n i.i.d. ln(chi2_k / k) terms: mean psi(k/2) - ln(k/2), variance psi'(k/2).
        var drift = SpecialFunctions.DiGamma(k / 2.0) - Math.Log(k / 2.0);
        var spread = TriGamma(k / 2.0);
        foreach (var n in new[] { 10, 20, Generations })
        {
            var variances = ScenarioRuns.Values(result.Metrics, MetricNames.Variance, n, "refit");
            Assert.Equal(Chains, variances.Length);

            // The mean stays sigma^2 = 1 within 4 standard errors of the chain mean.
            var standardError = variances.StandardDeviation() / Math.Sqrt(Chains);
            Assert.InRange(variances.Mean(), 1 - 4 * standardError, 1 + 4 * standardError);

            // The median of ln(sigma^2) follows n * drift; the sample median's standard error is 1.2533 sd / sqrt(R).
            var logMedian = variances.Select(v => Math.Log(v)).Median();
            var medianError = 1.2533 * Math.Sqrt((n + 1) * spread) / Math.Sqrt(Chains);
            Assert.InRange(logMedian, (n + 1) * drift - 4 * medianError, (n + 1) * drift + 4 * medianError);
        }

        var last = ScenarioRuns.Values(result.Metrics, MetricNames.Variance, Generations, "refit").Median();
        var first = ScenarioRuns.Values(result.Metrics, MetricNames.Variance, 0, "refit").Median();
        Assert.True(last < first, $"median variance should fall: {first} at generation 0, {last} at generation {Generations}");
    }

    /// <summary>psi'(x) by its asymptotic series, accurate to ~1e-12 for x above 10 (k/2 here is about 50).</summary>
    private static double TriGamma(double x) =>
        1 / x + 1 / (2 * x * x) + 1 / (6 * Math.Pow(x, 3)) - 1 / (30 * Math.Pow(x, 5)) + 1 / (42 * Math.Pow(x, 7));

    [Fact]
    public async Task Maximum_likelihood_refit_shrinks_the_variance_geometrically_and_the_mean_error_grows_linearly()
    {
        var result = await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse(GaussianScenario("mle")));
        const double m = SamplesPerGeneration;
        foreach (var n in new[] { 5, 15, Generations })
        {
            // Generation n (tick n) is the (n+1)-th fit: E[sigma^2] = ((M-1)/M)^(n+1).
            var variances = ScenarioRuns.Values(result.Metrics, MetricNames.Variance, n, "refit");
            var expected = Math.Pow((m - 1) / m, n + 1);
            var standardError = variances.StandardDeviation() / Math.Sqrt(Chains);
            Assert.InRange(variances.Mean(), expected - 4 * standardError, expected + 4 * standardError);

            // E[(mu_n - mu)^2] = sigma^2 * sum_{i<=n} E[sigma_i^2]/M with the fitted variances shrinking as above.
            var squaredErrors = ScenarioRuns.Values(result.Metrics, MetricNames.MeanError, n, "refit").Select(e => e * e).ToArray();
            var expectedError = Enumerable.Range(0, n + 1).Sum(i => Math.Pow((m - 1) / m, i) / m);
            var errorSe = squaredErrors.StandardDeviation() / Math.Sqrt(Chains);
            Assert.InRange(squaredErrors.Mean(), expectedError - 4 * errorSe, expectedError + 4 * errorSe);
        }
    }

    [Fact]
    public async Task Categorical_chains_absorb_in_state_i_with_probability_q_i()
    {
        double[] q = [0.5, 0.3, 0.15, 0.05];
        const int chains = 600;
        const int ticks = 150;
        var scenario = ScenarioRuns.Parse($$"""
            {
              "name": "categorical", "seed": 5, "ticks": {{ticks}}, "replicates": {{chains}}, "shards": 1,
              "data": { "kind": "categorical", "categorical": { "probabilities": [0.5, 0.3, 0.15, 0.05] } },
              "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": 10 },
              "vendors": [ { "name": "refit", "model": { "family": "categorical" },
                             "training": { "policy": "replace", "sources": "self" },
                             "deployment": { "documentsPerTick": 1 } } ],
              "metrics": { "samplesPerTick": 0 }
            }
            """);
        var result = await ScenarioRuns.RunAsync(fixture.Handle, scenario);

        var absorbed = ScenarioRuns.Values(result.Metrics, MetricNames.AbsorbedState, ticks - 1, "refit");
        Assert.Equal(chains, absorbed.Length);
        Assert.All(absorbed, state => Assert.True(state >= 0, "every chain is absorbed in a delta"));
        for (var i = 0; i < q.Length; i++)
        {
            var share = absorbed.Count(s => (int)s == i) / (double)chains;
            var standardError = Math.Sqrt(q[i] * (1 - q[i]) / chains);
            Assert.InRange(share, q[i] - 4 * standardError, q[i] + 4 * standardError);
        }
    }
}
