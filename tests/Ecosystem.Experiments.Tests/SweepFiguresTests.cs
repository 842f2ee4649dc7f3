using Ecosystem.Experiments.Summaries;
using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Experiments.Tests;

public class SweepFiguresTests
{
    /// <summary>Student's t at 0.975 with 2 degrees of freedom, in closed form: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).</summary>
    private static readonly double T2 = Math.Sqrt(2 * 0.95 * 0.95 / (1 - (0.95 * 0.95)));

    /// <summary>Three points (1, 2 and 3 documents a tick) of the Gaussian refit scenario, three seeds each.</summary>
    internal static SweepPlan Plan() => SweepLoader.Parse("""
        { "name": "figures", "scenario": "gaussian-refit.json", "seeds": { "first": 1, "count": 3 },
          "parameters": [ { "name": "docs", "paths": ["/vendors/0/deployment/documentsPerTick"], "values": [1, 2, 3] } ] }
        """, Path.Combine(AppContext.BaseDirectory, "scenarios"));

    private static SweepRunData Run(SweepPlan plan, int index, double final) =>
        SweepRunData.Of(plan.Runs[index], SweepRows.Climbing(final), plan.Spec.Summary.EffectiveTailGenres);

    [Fact]
    public void Each_point_gets_the_mean_of_its_runs_with_the_student_t_interval_and_fewer_runs_while_in_progress()
    {
        var plan = Plan();

        // Point 0 has all three seeds, point 1 one of them, point 2 none yet.
        var figures = SweepFigures.Of(plan.Spec, plan.Points, [Run(plan, 0, 0.2), Run(plan, 1, 0.4), Run(plan, 2, 0.6), Run(plan, 3, 0.5)]);

        Assert.Equal([3, 1, 0], figures.Points.Select(p => p.FinishedRuns));
        Assert.All(figures.Points, p => Assert.Equal(3, p.TotalRuns));
        Assert.Equal((4, 9), (figures.FinishedRuns, figures.TotalRuns));
        Assert.Equal(["1", "2", "3"], figures.Points.Select(p => p.Category));
        Assert.Equal("docs", figures.AxisLabel);
        Assert.Equal([SweepRows.Vendor], figures.Vendors);

        var share = figures.Summaries.Single(f => f.Metric == "final_synthetic_share");
        Assert.True(share.Percent);
        Assert.True(share.HasValues);
        var points = Assert.Single(share.Series).Points;
        var full = points[0];
        Assert.Equal((3, 3), (full.Runs, full.Count));
        Assert.Equal(0.4, full.Mean, 12);
        var half = T2 * 0.2 / Math.Sqrt(3);
        Assert.Equal(0.4 - half, full.Low, 9);
        Assert.Equal(0.4 + half, full.High, 9);
        Assert.Equal(half, full.HalfWidth, 9);

        var one = points[1];
        Assert.Equal((1, 1, 0.5), (one.Runs, one.Count, one.Mean));
        Assert.True(double.IsNaN(one.Low) && double.IsNaN(one.High) && double.IsNaN(one.HalfWidth), "one run gives a mean without an interval");

        var none = points[2];
        Assert.Equal((0, 0), (none.Runs, none.Count));
        Assert.True(double.IsNaN(none.Mean));
        Assert.Null(share.Theory);
        Assert.False(figures.Summaries.Single(f => f.Metric == "perplexity_rise").HasValues, "the Gaussian runs have no held-out perplexity");
    }

    [Fact]
    public void Each_point_gets_its_mean_trajectory_with_the_band_of_its_runs_per_tick()
    {
        var plan = Plan();
        var figures = SweepFigures.Of(plan.Spec, plan.Points, [Run(plan, 0, 0.3), Run(plan, 1, 0.6), Run(plan, 2, 0.9), Run(plan, 4, 0.6)]);

        var corpus = figures.Trajectories[0];
        Assert.Equal(("synthetic_share_documents", ""), (corpus.Metric, corpus.Vendor));
        Assert.Equal(3, corpus.Bands.Count);
        var band = corpus.Bands[0];
        Assert.Equal("docs=1", band.Name);
        Assert.Equal(3, band.Runs);
        Assert.Equal([0, 1, 2], band.Ticks);

        // Tick 1 of the three runs: 0.2, 0.4, 0.6 (two thirds of their last values).
        Assert.Equal(0.4, band.Means[1], 12);
        Assert.Equal(0.4 - (T2 * 0.2 / Math.Sqrt(3)), band.Lows[1], 9);
        Assert.Equal(0.4 + (T2 * 0.2 / Math.Sqrt(3)), band.Highs[1], 9);

        // One run: the band is the line itself; no run: nothing to draw.
        Assert.Equal(corpus.Bands[1].Means, corpus.Bands[1].Lows);
        Assert.Equal(corpus.Bands[1].Means, corpus.Bands[1].Highs);
        Assert.Empty(corpus.Bands[2].Ticks);

        Assert.Equal(
            ["Synthetic share of the corpus", "Held-out perplexity: refit", "Distinct-2 of the model's output: refit", "Synthetic share of the training set: refit"],
            figures.Trajectories.Select(t => t.Title));
        Assert.True(figures.Trajectories[3].HasValues);
        Assert.False(figures.Trajectories[1].HasValues, "the Gaussian runs write no held-out perplexity");
    }
}
