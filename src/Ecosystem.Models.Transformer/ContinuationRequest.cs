using Ecosystem.Watermarking;

namespace Ecosystem.Models.Transformer;

/// <summary>What to generate: prompts in model ids (each starting with the begin symbol), continuation length, and
/// the decoding settings; with a watermark, the green lists are over source ids, so the vocabulary comes along.</summary>
internal sealed record ContinuationRequest(IReadOnlyList<int[]> Prompts, int Length, double Temperature, double TopP, int Beams)
{
    /// <summary>Adds delta to the tempered logits of the green tokens (Kirchenbauer et al. 2023); sampling only.</summary>
    public GreenListWatermark? Watermark { get; init; }

    /// <summary>The model's vocabulary, to find each model id's source id for the green lists.</summary>
    public TokenVocabulary? Vocabulary { get; init; }
}
