namespace Ecosystem.Benchmarks.NGram;

/// <summary>Names of the ngram suite's cases, implementations and figures.</summary>
public static class NGramMetrics
{
    public const string Ours = "ecosystem";
    public const string Nltk = "NLTK";
    public const string Comparison = "comparison";

    public const string TrainTokens = "train_tokens";
    public const string FitSeconds = "fit_seconds";
    public const string ScoreTokensPerSecond = "score_tokens_per_second";
    public const string SampleTokensPerSecond = "sample_tokens_per_second";
    public const string SampledTokens = "sampled_tokens";
    public const string PerplexityAllTokens = "perplexity_all_tokens";
    public const string PerplexityNltkScorableTokens = "perplexity_nltk_scorable_tokens";
    public const string SplitPerplexity = "split_perplexity";
    public const string SplitTokens = "split_tokens";
    public const string VocabularySize = "vocabulary_size";
    public const string VocabularyTypes = "vocabulary_types";
    public const string ZeroProbabilityTokens = "zero_probability_tokens";

    public const string Order = "order";
    public const string Discount = "discount";
    public const string ScoredTokens = "scored_tokens";
    public const string FitSpeedRatio = "fit_speed_ratio";
    public const string ScoreSpeedRatio = "score_speed_ratio";
    public const string SampleSpeedRatio = "sample_speed_ratio";
    public const string PerplexityRatio = "perplexity_ratio";
    public const string MeanAbsLogProbabilityDifference = "mean_abs_log_probability_difference";
    public const string OursLowerShare = "ours_lower_share";
    public const string UnigramUniformShare = "unigram_uniform_share";
    public const string BigramTypes = "bigram_types";
    public const string UnigramTypes = "unigram_types";
    public const string DecompositionTokens = "decomposition_tokens";
    public const string DecompositionMaxRelativeError = "decomposition_max_relative_error";

    /// <summary>The case name of a training size, such as "train-50k".</summary>
    public static string Case(int trainingTokens) => $"train-{trainingTokens / 1000}k";
}
