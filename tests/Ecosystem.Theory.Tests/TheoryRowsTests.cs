using Ecosystem.Abstractions.Metrics;
using Ecosystem.Scenarios;

namespace Ecosystem.Theory.Tests;

/// <summary>Which vendors get closed forms beside their values, and the rows written for them.</summary>
public class TheoryRowsTests
{
    private static Scenario Parse(string training, string extra = "", string variance = "unbiased") => ScenarioLoader.Parse($$"""
        {
          "name": "t", "seed": 1, "ticks": 5, "replicates": 3, "shards": 1,
          "data": { "kind": "gaussian", "gaussian": { "mean": 0, "stddev": 2 } },
          "humans": { "authors": 1, "documentsPerTick": 1, "lastTick": 0, "documentLength": 50 },
          "vendors": [ { "name": "v", "model": { "family": "gaussian", "variance": "{{variance}}" }, "training": {{training}},
                         "deployment": { "documentsPerTick": 1, "documentLength": 20 } } ]{{extra}}
        }
        """, "test");

    [Theory]
    [InlineData("""{ "policy": "replace", "sources": "self" }""", TheoryCaseKind.GaussianRefit)]
    [InlineData("""{ "policy": "replace", "sources": "self", "freshHumanDocuments": 1, "realWeight": 0.6 }""", TheoryCaseKind.None)]
    [InlineData("""{ "policy": "accumulate", "sources": "self" }""", TheoryCaseKind.None)]
    [InlineData("""{ "policy": "replace", "sources": "all" }""", TheoryCaseKind.None)]
    [InlineData("""{ "policy": "replace", "sources": "self", "freshHumanDocuments": 1 }""", TheoryCaseKind.None)]
    [InlineData("""{ "policy": "replace", "sources": "self", "keepHumanFraction": 0.5 }""", TheoryCaseKind.None)]
    public void Only_a_loop_the_theory_describes_gets_a_closed_form(string training, TheoryCaseKind expected) =>
        Assert.Equal(expected, TheoryCase.Of(Parse(training), 0));

    [Fact]
    public void The_weighted_recursion_holds_for_mean_estimation_only()
    {
        const string weighted = """{ "policy": "replace", "sources": "self", "freshHumanDocuments": 1, "realWeight": 0.6 }""";
        Assert.Equal(TheoryCaseKind.WeightedGaussianMean, TheoryCase.Of(Parse(weighted, variance: "known"), 0));
        Assert.Equal(TheoryCaseKind.None, TheoryCase.Of(Parse("""{ "policy": "replace", "sources": "self" }""", variance: "known"), 0));
    }

    [Fact]
    public void Refit_rows_carry_the_expectation_its_standard_error_and_z_per_quantity()
    {
        var rows = new TheoryRows(Parse("""{ "policy": "replace", "sources": "self" }"""));
        // Three worlds; generation 0 fitted to one human document of 50 values, generation 1 to one of 20.
        var tick0 = Worlds(0, "0", [0.1, -0.2, 0.4], [1.1, 0.9, 1.0]);
        var first = rows.For(0, tick0);
        var second = rows.For(1, Worlds(1, "1", [0.3, -0.1, 0.2], [1.2, 0.7, 1.3]));

        double Value(IEnumerable<MetricRow> of, string metric, string label) => of.Single(r => r.Metric == metric && r.Label == label).Value;
        // E[(mu_0 - mu)^2] = sigma^2 / 50 with sigma^2 = 4; after generation 1 add sigma^2 / 20.
        Assert.Equal(4.0 / 50, Value(first, MetricNames.TheoryExpected, GaussianRefitTheory.MeanErrorSquared), 12);
        Assert.Equal(4.0 / 50 + 4.0 / 20, Value(second, MetricNames.TheoryExpected, GaussianRefitTheory.MeanErrorSquared), 12);
        var simulated = (0.3 * 0.3 + 0.1 * 0.1 + 0.2 * 0.2) / 3;
        Assert.Equal(simulated, Value(second, MetricNames.TheorySimulated, GaussianRefitTheory.MeanErrorSquared), 12);
        var error = Value(second, MetricNames.TheoryStandardError, GaussianRefitTheory.MeanError);
        Assert.Equal(Math.Sqrt((4.0 / 50 + 4.0 / 20) / 3), error, 12);
        Assert.Equal(0.4 / 3 / error, Value(second, MetricNames.TheoryZ, GaussianRefitTheory.MeanError), 12);
        Assert.All(second, r => Assert.Equal("1", r.Generation));
    }

    [Fact]
    public void A_policy_change_ends_the_closed_form_at_its_tick()
    {
        var scenario = Parse("""{ "policy": "replace", "sources": "self" }""",
            """, "changes": [ { "tick": 1, "path": "/vendors/0/training/policy", "value": "accumulate" } ]""");
        var rows = new TheoryRows(scenario);
        Assert.NotEmpty(rows.For(0, Worlds(0, "0", [0.1, 0.2, 0.3], [1, 1, 1])));
        Assert.Empty(rows.For(1, Worlds(1, "1", [0.1, 0.2, 0.3], [1, 1, 1])));
    }

    [Fact]
    public void A_z_far_from_zero_is_reported_as_a_warning()
    {
        MetricRow[] rows = [new(3, 0, "v", "3", MetricNames.TheoryZ, "variance_ratio", -4.5), new(3, 0, "v", "3", MetricNames.TheoryZ, "mean_error", 1.2)];
        var warning = Assert.Single(TheoryRows.Warnings(rows));
        Assert.Contains("-4.5", warning);
        Assert.Contains("variance_ratio", warning);
    }

    [Fact]
    public void A_share_whose_expected_count_is_small_gets_no_z()
    {
        Assert.False(new TheoryQuantity("absorbed_share_0", 0.001, 0.03, Share: true).NormalFromWorlds(1000));
        Assert.True(new TheoryQuantity("absorbed_share_0", 0.01, 0.1, Share: true).NormalFromWorlds(1000));
        Assert.True(new TheoryQuantity("mean_error", 0, 0.1).NormalFromWorlds(2));
    }

    private static List<MetricRow> Worlds(int tick, string generation, double[] meanErrors, double[] varianceRatios)
    {
        var rows = new List<MetricRow>();
        for (var w = 0; w < meanErrors.Length; w++)
        {
            rows.Add(new MetricRow(tick, w, "v", generation, MetricNames.TrainingDocuments, "", 1));
            rows.Add(new MetricRow(tick, w, "v", generation, MetricNames.MeanError, "", meanErrors[w]));
            rows.Add(new MetricRow(tick, w, "v", generation, MetricNames.VarianceRatio, "", varianceRatios[w]));
        }

        return rows;
    }
}
