namespace Ecosystem.Reports;

/// <summary>The metric names the reports read.</summary>
/// <remarks>Mirrors the names the simulator writes (Ecosystem.Metrics.MetricNames) instead of referencing that
/// project, so reports can be drawn from a metrics CSV without pulling in the measuring code; theory names that
/// come straight from the model families are listed here too.</remarks>
internal static class ReportMetrics
{
    public const string SyntheticShareDocuments = "synthetic_share_documents";
    public const string SyntheticShareTokens = "synthetic_share_tokens";
    public const string PublishedSyntheticShare = "published_synthetic_share";
    public const string GenreShare = "genre_share";
    public const string Distinct1 = "distinct_1";
    public const string Distinct2 = "distinct_2";
    public const string Distinct3 = "distinct_3";
    public const string Distinct4 = "distinct_4";
    public const string TokenEntropyBits = "token_entropy_bits";
    public const string TailMass = "tail_mass";
    public const string HeldoutPerplexity = "heldout_perplexity";
    public const string GeneratedPerplexityGen0 = "generated_perplexity_gen0";
    public const string PerplexityHistogramGen0 = "perplexity_histogram_gen0";
    public const string TrainingSyntheticShare = "training_synthetic_share";

    public const string Mean = "mean";
    public const string Variance = "variance";
    public const string StdDev = "stddev";
    public const string MeanError = "mean_error";
    public const string VarianceRatio = "variance_ratio";
    public const string Wasserstein2 = "wasserstein_2";
    public const string KlToOriginal = "kl_to_original";
    public const string Probability = "probability";
    public const string SupportSize = "support_size";
    public const string AbsorbedState = "absorbed_state";
    public const string EntropyBits = "entropy_bits";

    /// <summary>Genres that are rare in the human corpus, so they are the first to vanish under collapse.</summary>
    public static readonly string[] MinorityGenres = ["science_fiction", "humor"];

    /// <summary>Metrics only the theory model families (gaussian, categorical, mixture) emit.</summary>
    public static readonly IReadOnlySet<string> TheoryOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        Mean, Variance, StdDev, MeanError, VarianceRatio, Wasserstein2, KlToOriginal, Probability, SupportSize,
        AbsorbedState, EntropyBits,
    };

    public static string Distinct(int n) => n switch
    {
        1 => Distinct1,
        2 => Distinct2,
        3 => Distinct3,
        4 => Distinct4,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "distinct-n is defined for n = 1..4."),
    };
}
