namespace Ecosystem.Benchmarks.Nature;

/// <summary>Metric names of the nature suite's figures.</summary>
public static class NatureMetrics
{
    /// <summary>Wall seconds to build the base into an empty cache.</summary>
    public const string BaseBuildSeconds = "base_build_seconds";

    /// <summary>Pretraining throughput.</summary>
    public const string BaseTokensPerSecond = "base_tokens_per_second";

    /// <summary>Tokens the base is trained on per epoch.</summary>
    public const string BaseTokens = "base_tokens";

    /// <summary>Pretraining epochs.</summary>
    public const string BaseEpochs = "base_epochs";

    /// <summary>Trainable parameters.</summary>
    public const string Parameters = "parameters";

    /// <summary>Wall seconds of the whole scenario run with the base cached.</summary>
    public const string RunSeconds = "run_seconds";

    /// <summary>Wall seconds of the run's fine-tuning (every tick's vendors-train phase, added up).</summary>
    public const string TrainSeconds = "train_seconds";

    /// <summary>Wall seconds of the run's decoding (every tick's models-publish phase, added up).</summary>
    public const string PublishSeconds = "publish_seconds";

    /// <summary>Wall seconds of the run's measuring (every tick's measure phase, added up).</summary>
    public const string MeasureSeconds = "measure_seconds";

    /// <summary>Zero-shot held-out perplexity of the base.</summary>
    public const string BasePerplexity = "base_heldout_perplexity";

    /// <summary>Held-out perplexity of a trigram trained on the same tokens as generation 0.</summary>
    public const string TrigramPerplexity = "reference_trigram_heldout_perplexity";

    /// <summary>Held-out perplexity of a generation (per generation case).</summary>
    public const string HeldOutPerplexity = "heldout_perplexity";

    /// <summary>distinct-2 of a generation's published text.</summary>
    public const string Distinct2 = "distinct_2";

    /// <summary>Token entropy of a generation's published text, in bits.</summary>
    public const string EntropyBits = "token_entropy_bits";

    /// <summary>Median perplexity of a generation's output under generation 0.</summary>
    public const string MedianUnderGenerationZero = "gen0_perplexity_median";

    /// <summary>0.99 quantile of the perplexity of a generation's output under generation 0.</summary>
    public const string TailUnderGenerationZero = "gen0_perplexity_p99";
}
