using Ecosystem.Watermarking;

namespace Ecosystem.Models.Transformer;

/// <summary>What to generate: prompts in model ids (each starting with the begin symbol), continuation length, and
/// the decoding settings; with a watermark, the green lists are over source ids, so the vocabulary comes along.</summary>
internal sealed record ContinuationRequest(IReadOnlyList<int[]> Prompts, int Length, double Temperature, double TopP, int Beams)
{
    /// <summary>Adds delta to the tempered logits of the green tokens (Kirchenbauer et al. 2023); sampling only.</summary>
    public GreenListWatermark? Watermark { get; init; }

    /// <summary>Never complete an n-gram of this size already in the row (prompt included); 0 = off.</summary>
    public int NoRepeatNgramSize { get; init; }

    /// <summary>Penalty for tokens already in the row (1 = off).</summary>
    public double RepetitionPenalty { get; init; } = 1;

    /// <summary>With beams, draw them at every step rather than keep the best (Hugging Face's <c>do_sample</c> with
    /// <c>num_beams</c>).</summary>
    public bool BeamSampling { get; init; }

    /// <summary>True when decoding needs each row's tokens so far.</summary>
    public bool TracksHistory => NoRepeatNgramSize > 0 || RepetitionPenalty != 1;

    /// <summary>The model's vocabulary, to find each model id's source id for the green lists.</summary>
    public TokenVocabulary? Vocabulary { get; init; }
}
