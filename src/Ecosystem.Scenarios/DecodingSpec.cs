namespace Ecosystem.Scenarios;

/// <summary>How a deployed model samples.</summary>
public sealed record DecodingSpec
{
    /// <summary>Sampling temperature; below 1 trades diversity for typicality (sampling bias).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Nucleus sampling mass (1 = off).</summary>
    public double TopP { get; init; } = 1;

    /// <summary>Beam width; above 1 decodes by beam search instead of sampling.</summary>
    public int Beams { get; init; } = 1;

    /// <summary>Never repeat an n-gram of this size within a document, prompt included (Hugging Face's
    /// <c>no_repeat_ngram_size</c>); 0 = off. Token-level decoders only.</summary>
    public int NoRepeatNgramSize { get; init; }

    /// <summary>Divides the positive logits (multiplies the negative ones) of tokens already in the document, prompt
    /// included, by this factor (Keskar et al. 2019, Hugging Face's <c>repetition_penalty</c>); 1 = off.</summary>
    public double RepetitionPenalty { get; init; } = 1;

    /// <summary>With beams above 1, draw the beams at every step from the softmax of their scores over the temperature
    /// instead of keeping the best ones (Hugging Face's <c>do_sample</c> with <c>num_beams</c>). Token-level decoders only.</summary>
    public bool BeamSampling { get; init; }

    /// <summary>What the model continues: nothing, or real human documents.</summary>
    public PromptSource Prompts { get; init; } = PromptSource.None;

    /// <summary>Tokens of each human prompt (the first tokens of a training document).</summary>
    public int PromptTokens { get; init; } = 64;
}
