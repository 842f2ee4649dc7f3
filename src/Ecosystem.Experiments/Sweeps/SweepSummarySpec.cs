namespace Ecosystem.Experiments.Sweeps;

/// <summary>What a sweep's run summaries measure.</summary>
/// <param name="TailGenres">Genres followed as the long tail of each vendor's output.</param>
/// <param name="Confidence">Confidence level of the intervals across seeds.</param>
public sealed record SweepSummarySpec(IReadOnlyList<string>? TailGenres = null, double Confidence = 0.95)
{
    /// <summary>Brown's minority genres, the tail the users watch.</summary>
    public static readonly IReadOnlyList<string> DefaultTailGenres = ["science_fiction", "humor"];

    /// <summary>The tail genres in effect.</summary>
    public IReadOnlyList<string> EffectiveTailGenres => TailGenres ?? DefaultTailGenres;
}
