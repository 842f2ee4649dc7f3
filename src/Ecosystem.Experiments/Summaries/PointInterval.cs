namespace Ecosystem.Experiments.Summaries;

/// <summary>One summary figure of one vendor at one grid point: its mean across the point's finished runs with the
/// confidence interval, and its closed form where there is one.</summary>
/// <param name="Point">The grid point's index.</param>
/// <param name="Runs">Finished runs of the point that have this vendor.</param>
/// <param name="Count">Of those, the runs with a finite value (the interval's n).</param>
/// <param name="Mean">Mean across runs; NaN without runs.</param>
/// <param name="Low">Lower bound of the interval; NaN below 2 values.</param>
/// <param name="High">Upper bound of the interval; NaN below 2 values.</param>
/// <param name="Expected">The closed-form expectation; NaN where there is none.</param>
/// <param name="Z">(mean - expected) / standard error; NaN without a closed form or below 2 values.</param>
public sealed record PointInterval(int Point, int Runs, int Count, double Mean, double Low, double High, double Expected, double Z)
{
    /// <summary>Half the interval's width above the mean (the whisker's length); NaN without an interval.</summary>
    public double HalfWidth => double.IsFinite(High) ? (High - Mean) : double.NaN;

    /// <summary>The figure of a point without finished runs: nothing known yet.</summary>
    public static PointInterval None(int point) => new(point, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}
