using Ecosystem.Experiments.Sweeps;

namespace Ecosystem.Experiments.Summaries;

/// <summary>The data of every figure of a sweep, from the runs that have finished so far: each summary figure's mean and
/// confidence interval at every point, and each point's mean trajectories with their bands. report.html and the
/// dashboard both draw from it.</summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="Description">What the sweep asks.</param>
/// <param name="Confidence">Confidence level of the intervals and bands.</param>
/// <param name="AxisLabel">The grid's axis names, "adoption / paraphrase", labelling the category axis.</param>
/// <param name="Points">The grid's points, in grid order.</param>
/// <param name="Vendors">Vendors of the finished runs, in order of first appearance.</param>
/// <param name="Summaries">One figure per <see cref="SummaryMetrics.All"/> entry, in table order.</param>
/// <param name="Trajectories">The corpus's trajectory, then each vendor's <see cref="SweepTrajectory.PerVendor"/>.</param>
public sealed record SweepFigures(
    string Name,
    string? Description,
    double Confidence,
    string AxisLabel,
    IReadOnlyList<SweepFigurePoint> Points,
    IReadOnlyList<string> Vendors,
    IReadOnlyList<SummaryFigure> Summaries,
    IReadOnlyList<TrajectoryFigure> Trajectories)
{
    /// <summary>Runs finished so far.</summary>
    public int FinishedRuns => Points.Sum(p => p.FinishedRuns);

    /// <summary>Runs in the sweep.</summary>
    public int TotalRuns => Points.Sum(p => p.TotalRuns);

    /// <summary>The figures of a sweep that has run to the end.</summary>
    public static SweepFigures Of(SweepResult result)
    {
        var tailGenres = result.Plan.Spec.Summary.EffectiveTailGenres;
        return Of(result.Plan.Spec, result.Plan.Points, [.. result.Plan.Runs.Select((run, i) => SweepRunData.Of(run, result.Rows[i], tailGenres))]);
    }

    /// <summary>The figures of <paramref name="spec"/>'s grid from the runs in <paramref name="finished"/> (in plan order);
    /// a point without finished runs has no values yet.</summary>
    public static SweepFigures Of(SweepSpec spec, IReadOnlyList<SweepPoint> points, IReadOnlyList<SweepRunData> finished)
    {
        var confidence = spec.Summary.Confidence;
        var summaries = finished.SelectMany(r => r.Summaries).ToList();
        var vendors = summaries.Select(s => s.Vendor).Distinct().ToList();
        var aggregates = PointAggregate.Of(summaries, confidence).ToDictionary(a => (a.Point.Index, a.Vendor, a.Metric));
        var runsOf = summaries.CountBy(s => (s.Run.Point.Index, s.Vendor)).ToDictionary();
        var byPoint = finished.ToLookup(r => r.Run.Point.Index);

        PointInterval Interval(SweepPoint point, string vendor, string metric) =>
            aggregates.TryGetValue((point.Index, vendor, metric), out var a)
                ? new PointInterval(point.Index, runsOf[(point.Index, vendor)], a.Interval.Count, a.Interval.Mean, a.Interval.Low, a.Interval.High, a.Expected, a.Z)
                : PointInterval.None(point.Index);

        var figures = SummaryMetrics.All.Select(metric =>
        {
            var series = vendors.Select(v => new SummarySeries(v, [.. points.Select(p => Interval(p, v, metric.Name))])).ToList();
            // One closed-form line; with several vendors, the first vendor that has one (their points sit side by side).
            var theory = series.Select(s => s.Points.Select(p => p.Expected).ToList()).FirstOrDefault(t => t.Any(double.IsFinite));
            return new SummaryFigure(metric.Name, metric.Name.Replace('_', ' '), metric.Description, metric.HigherIsWorse,
                metric.Name.EndsWith("share", StringComparison.Ordinal), series, theory);
        }).ToList();

        TrajectoryFigure Trajectory(SweepTrajectory trajectory, string vendor, string title, string caption) =>
            new(trajectory.Metric, vendor, title, trajectory.YLabel, caption, trajectory.Percent,
                [.. points.Select(p => Band([.. byPoint[p.Index]], p, vendor, trajectory.Metric, confidence))]);

        List<TrajectoryFigure> trajectories =
        [
            Trajectory(SweepTrajectory.Corpus, "", SweepTrajectory.Corpus.Title, "Share of the corpus's documents that are synthetic, per point."),
            .. vendors.SelectMany(v => SweepTrajectory.PerVendor.Select(t => Trajectory(t, v, $"{t.Title}: {v}", $"{t.Title} of vendor {v}, per point."))),
        ];

        var seeds = spec.Seeds.Count;
        return new SweepFigures(spec.Name, spec.Description, confidence, string.Join(" / ", spec.Parameters.Select(p => p.Name)),
            [.. points.Select(p => new SweepFigurePoint(p.Index, p.Label, string.Join(" / ", p.Labels.Select(l => l.Value)), byPoint[p.Index].Count(), seeds))],
            vendors, figures, trajectories);
    }

    /// <summary>The interval of <paramref name="metric"/> for <paramref name="vendor"/> at point <paramref name="point"/>.</summary>
    public PointInterval Interval(string metric, string vendor, int point) =>
        Summaries.FirstOrDefault(f => f.Metric == metric)?.Series.FirstOrDefault(s => s.Vendor == vendor)?.Points[point] ?? PointInterval.None(point);

    private static TrajectoryBand Band(IReadOnlyList<SweepRunData> runs, SweepPoint point, string vendor, string metric, double confidence)
    {
        // One value per run and tick: each run's own trajectory (averaged over its replicates).
        var perRun = runs.Select(r => r.SeriesOf(vendor, metric)).ToList();
        var ticks = perRun.SelectMany(s => s.Select(p => p.Tick)).Distinct().Order().ToList();
        var intervals = ticks.Select(t => ConfidenceInterval.Of(perRun.SelectMany(s => s.Where(p => p.Tick == t).Select(p => p.Value)), confidence)).ToList();
        return new TrajectoryBand(point.Index, point.Label, runs.Count, ticks, [.. intervals.Select(c => c.Mean)],
            [.. intervals.Select(c => double.IsFinite(c.Low) ? c.Low : c.Mean)],
            [.. intervals.Select(c => double.IsFinite(c.High) ? c.High : c.Mean)]);
    }
}
