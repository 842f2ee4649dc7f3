using Ecosystem.Abstractions.Metrics;

namespace Ecosystem.Simulation.Tests;

/// <summary>Whole-web crawls reach back over every tick the web holds, by their policy's weights.</summary>
public sealed class WebCrawlTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    [Fact]
    public async Task A_uniform_crawl_reaches_the_mean_age_of_the_web_and_a_recency_crawl_stays_younger()
    {
        var rows = (await ScenarioRuns.RunAsync(cluster.Handle, ScenarioRuns.Parse(DeterminismTests.WebCrawlScenario))).Metrics;
        const int tick = 4;

        // The web when vendors crawl at tick 4: every document of ticks 0-3, and tick 4's human text.
        var added = new List<double>();
        for (var t = 0; t < tick; t++)
        {
            added.Add(ScenarioRuns.Value(rows, MetricNames.DocumentsTotal, t, "") - (t == 0 ? 0 : ScenarioRuns.Value(rows, MetricNames.DocumentsTotal, t - 1, "")));
        }

        added.Add(ScenarioRuns.Value(rows, MetricNames.DocumentsHuman, tick, "") - ScenarioRuns.Value(rows, MetricNames.DocumentsHuman, tick - 1, ""));
        var web = added.Sum();
        var meanAge = added.Select((count, t) => count * (tick - t)).Sum() / web;
        var variance = added.Select((count, t) => count * Math.Pow(tick - t - meanAge, 2)).Sum() / web;

        // A uniform draw of 70 without replacement: the sample mean's standard error has the finite-population factor.
        const int budget = 70;
        var standardError = Math.Sqrt(variance / budget * (web - budget) / (web - 1));
        var uniform = ScenarioRuns.Value(rows, MetricNames.CrawlMeanAge, tick, "uniform");
        Assert.InRange(uniform, meanAge - (3 * standardError), meanAge + (3 * standardError));

        // Half-life 1: a document one tick older weighs half as much, so the crawl is far younger than the web.
        var recent = ScenarioRuns.Value(rows, MetricNames.CrawlMeanAge, tick, "recent");
        Assert.True(recent < meanAge - (3 * standardError), $"recency crawl mean age {recent} against the web's {meanAge}");
    }
}
