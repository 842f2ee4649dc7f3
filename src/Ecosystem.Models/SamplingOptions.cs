using Ecosystem.Abstractions.Corpus;
using Ecosystem.Watermarking;

namespace Ecosystem.Models;

/// <summary>How to sample: the length of each document (tokens or values), the sampling temperature, nucleus and beam
/// settings, optional prompts to continue and an optional watermark.</summary>
/// <param name="Length">Units per sampled document (for a prompted document: units generated after the prompt).</param>
/// <param name="Temperature">1 samples the fitted distribution; below 1 sharpens it (the sampling-bias lever of
/// Alemohammad et al.); above 1 flattens it. Families without a notion of temperature scale their spread.</param>
public sealed record SamplingOptions(int Length, double Temperature = 1.0)
{
    /// <summary>Nucleus sampling: draw from the smallest set of tokens whose probability reaches this mass (1 = off).
    /// Families without token-level sampling ignore it.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Beam width; above 1 the family decodes by beam search (deterministic) instead of sampling, as in
    /// Shumailov et al.'s language-model experiment (5-way beam search). Families without beams ignore it.</summary>
    public int Beams { get; init; } = 1;

    /// <summary>Token decoders never complete an n-gram of this size that the document (prompt included) already
    /// holds, as Hugging Face's <c>no_repeat_ngram_size</c>; 0 = off. Other families ignore it.</summary>
    public int NoRepeatNgramSize { get; init; }

    /// <summary>Token decoders divide the positive logits (and multiply the negative ones) of tokens the document
    /// already holds by this factor (Keskar et al. 2019); 1 = off. Other families ignore it.</summary>
    public double RepetitionPenalty { get; init; } = 1;

    /// <summary>With <see cref="Beams"/> above 1, token decoders draw the beams at every step from the softmax of their
    /// scores over the temperature instead of keeping the best ones (Hugging Face's beam-search multinomial sampling,
    /// <c>do_sample</c> with <c>num_beams</c>). Other families ignore it.</summary>
    public bool BeamSampling { get; init; }

    /// <summary>Real text to continue, one prompt per sampled document; null samples from the start of a document.
    /// When set, the number of documents sampled equals the number of prompts and each result holds only the
    /// continuation. Families that cannot condition on a prompt ignore the prompts' content.</summary>
    public IReadOnlyList<DocumentContent>? Prompts { get; init; }

    /// <summary>When set, token samplers add the watermark's bias to green tokens (Kirchenbauer et al. 2023); families
    /// that do not sample tokens reject it.</summary>
    public GreenListWatermark? Watermark { get; init; }

    /// <summary>Throws when a watermark is asked of <paramref name="family"/>, which does not sample tokens from logits.</summary>
    internal void RejectWatermark(string family)
    {
        if (Watermark is not null)
        {
            throw new NotSupportedException($"The {family} family cannot watermark its samples; only token samplers can.");
        }
    }
}
