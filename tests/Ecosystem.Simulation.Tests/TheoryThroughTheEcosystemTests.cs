using Ecosystem.Abstractions.Metrics;
using Ecosystem.Theory;
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

    private static double TriGamma(double x) => Polygamma.Trigamma(x);

    [Fact]
    public async Task Weighting_fresh_real_data_holds_the_mean_error_at_its_closed_form_and_the_run_writes_it_beside()
    {
        // He, Xu and Cheng's recursion through the whole ecosystem: fresh real documents from the vendor, the previous
        // generation's output scraped from the corpus, weighted 0.5 against each other by training.realWeight.
        const int worlds = 300, ticks = 14, values = 40;
        var result = await ScenarioRuns.RunAsync(fixture.Handle, ScenarioRuns.Parse($$"""
            {
              "name": "weighted-mean", "seed": 5, "ticks": {{ticks}}, "replicates": {{worlds}}, "shards": 1,
              "data": { "kind": "gaussian", "gaussian": { "mean": 3, "stddev": 2 } },
              "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": {{values}} },
              "vendors": [ { "name": "w", "model": { "family": "gaussian", "variance": "known" },
                             "training": { "policy": "replace", "sources": "self", "freshHumanDocuments": 1, "realWeight": 0.5 },
                             "deployment": { "documentsPerTick": 1, "documentLength": {{values}} } } ],
              "metrics": { "samplesPerTick": 0 }
            }
            """));

        // Generation 0 sees the human document and a fresh one (2 x 40 real values); each later one 40 and 40.
        var expected = 4.0 / (2 * values);
        for (var tick = 0; tick < ticks; tick++)
        {
            if (tick > 0)
            {
                expected = WeightedMeanTheory.NextMeanSquaredError(expected, 0.5, values, values, 4);
            }

            var errors = ScenarioRuns.Values(result.Metrics, MetricNames.MeanError, tick, "w");
            Assert.Equal(worlds, errors.Length);
            var simulated = errors.Select(e => e * e).Average();
            var standardError = Math.Sqrt(2) * expected / Math.Sqrt(worlds);
            Assert.True(Math.Abs(simulated - expected) <= 4 * standardError, $"tick {tick}: simulated {simulated}, expected {expected} ± {standardError}");

            // The run wrote the same expectation, the simulated value and its z beside them.
            Assert.Equal(expected, Theory(result.Metrics, MetricNames.TheoryExpected, tick), 12);
            Assert.Equal(simulated, Theory(result.Metrics, MetricNames.TheorySimulated, tick), 12);
            Assert.Equal((simulated - expected) / standardError, Theory(result.Metrics, MetricNames.TheoryZ, tick), 9);
        }

        Assert.Equal(WeightedMeanTheory.StationaryMeanSquaredError(0.5, values, values, 4), expected, 3);
    }

    private static double Theory(IEnumerable<MetricRow> rows, string metric, int tick) =>
        rows.Single(r => r.Tick == tick && r.Vendor == "w" && r.Metric == metric && r.Label == GaussianRefitTheory.MeanErrorSquared).Value;

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
