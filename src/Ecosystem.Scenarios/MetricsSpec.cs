namespace Ecosystem.Scenarios;

/// <summary>Measurement settings.</summary>
public sealed record MetricsSpec
{
    /// <summary>Bins of the perplexity histogram of generated text under generation 0.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>Documents per vendor per tick written to samples.jsonl.</summary>
    public int SamplesPerTick { get; init; } = 3;

    /// <summary>Size of the human "head" vocabulary; tokens outside it count as tail mass.</summary>
    public int TailTopK { get; init; } = 1000;

    /// <summary>At most this many of a tick's published documents (a uniform sample drawn from the seed and the tick)
    /// enter its diversity rows and the perplexity histogram under generation 0, for the corpus and for each vendor;
    /// null: all of them.</summary>
    public int? DiversityDocuments { get; init; }

    /// <summary>distinct-2..4 of a document set with more n-grams of that order than this are estimated with a
    /// HyperLogLog sketch (relative standard error 0.41%) instead of counted exactly; null always counts exactly.</summary>
    public long? ExactDistinctNgrams { get; init; } = 1_000_000;

    /// <summary>Held-out documents used for perplexity; null uses all of them.</summary>
    public int? HeldOutDocuments { get; init; } = 400;

    /// <summary>z-score above which the measurement counts a document as watermarked (detected synthetic share,
    /// detection rates).</summary>
    public double WatermarkZThreshold { get; init; } = 4;
}
