namespace Ecosystem.Scenarios;

/// <summary>Removes scraped documents a zero-shot detector takes for machine text, without any watermark: each is
/// scored by its likelihood under a reference model the vendor has, and the threshold is set for a target
/// false-positive rate on held-out human text (never on the data it filters).</summary>
public sealed record DetectorFilterSpec : ScrapeFilterSpec
{
    /// <summary>How a document is scored.</summary>
    public DetectorScoreKind Score { get; init; } = DetectorScoreKind.Perplexity;

    /// <summary>Share of held-out human documents the threshold lets the detector flag.</summary>
    public double FalsePositiveRate { get; init; } = 0.05;

    /// <summary>The model the documents are scored under.</summary>
    public DetectorReference Reference { get; init; } = DetectorReference.Generation0;
}

/// <summary>The reference model of a <see cref="DetectorFilterSpec"/>.</summary>
public enum DetectorReference
{
    /// <summary>The vendor's generation 0.</summary>
    Generation0,

    /// <summary>The vendor's pretrained base (a transformer vendor with model.base).</summary>
    Base,
}

/// <summary>The score of a <see cref="DetectorFilterSpec"/>; low scores are flagged.</summary>
public enum DetectorScoreKind
{
    /// <summary>Log-perplexity under the vendor's generation 0: machine text is unsurprising to a related model.</summary>
    Perplexity,

    /// <summary>In the manner of Binoculars (Hans et al. 2024): log-perplexity under generation 0 divided by the
    /// cross-entropy from the vendor's latest generation to generation 0, so that text which is surprising only because
    /// any text there would be is not flagged (ngram vendors).</summary>
    Binoculars,
}
