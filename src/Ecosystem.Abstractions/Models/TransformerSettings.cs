namespace Ecosystem.Abstractions.Models;

/// <summary>Architecture, optimisation and device of the GPT-style decoder: a transformer vendor's <c>model.transformer</c>
/// in a scenario, and what the model library trains with.</summary>
/// <remarks>Defaults are a tiny model that trains on 2 CPU cores in minutes; Shumailov et al.'s OPT-125m is about
/// 1,000 times larger.</remarks>
public sealed record TransformerSettings
{
    /// <summary>Decoder blocks.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Attention heads per block.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Model width (embedding size); a multiple of <see cref="Heads"/> with an even head size.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Context window in tokens (training blocks and the attention window when generating).</summary>
    public int Context { get; init; } = 64;

    /// <summary>Dropout on the token embeddings and on both residual branches of every block while training.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Dropout on the attention weights while training.</summary>
    /// <remarks>0 by default, as in OPT-125m (Shumailov et al.'s model: dropout 0.1, attention dropout 0). It is also
    /// what lets libtorch take its fused attention kernel on the CPU: with attention dropout it falls back to the
    /// written-out softmax, which made attention three times slower and a training step an eighth longer.</remarks>
    public double AttentionDropout { get; init; }

    /// <summary>Passes over the training set when fitting from scratch.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Passes over the training set when fine-tuning from an earlier generation's weights.</summary>
    public int FineTuneEpochs { get; init; } = 3;

    /// <summary>Blocks per optimiser step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Peak learning rate when fine-tuning (usually lower than <see cref="LearningRate"/>).</summary>
    public double FineTuneLearningRate { get; init; } = 1e-3;

    /// <summary>Share of the optimiser steps spent warming the learning rate up linearly; the rest decays it along a
    /// cosine to a tenth of the peak.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>AdamW decoupled weight decay (applied to matrices, not to biases, norms or embeddings' scale).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>Global gradient-norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Where to run: auto (CUDA when TorchSharp sees it), cpu or cuda.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>Compact the GPT-2 vocabulary to the tokens of the first training set (plus begin and unknown
    /// symbols) instead of keeping all 50,257 rows in the embedding.</summary>
    public bool CompactVocabulary { get; init; } = true;

    /// <summary>With a compact vocabulary, at most this many of the most frequent training ids get rows of their own;
    /// the rest share the unknown symbol, whose probability is spread over them by their training frequency. Null
    /// keeps every id of the training set.</summary>
    /// <remarks>The output layer costs width x vocabulary per token and dominates a small model's time: Brown text
    /// has about 26,000 distinct GPT-2 ids, of which the 8,192 most frequent cover about 96% of its tokens.</remarks>
    public int? VocabularyLimit { get; init; }

    /// <summary>Checks the settings; throws naming the first bad value.</summary>
    public void Validate()
    {
        Require(Layers >= 1, nameof(Layers), Layers);
        Require(Heads >= 1, nameof(Heads), Heads);
        Require(Width >= Heads && Width % Heads == 0 && Width / Heads % 2 == 0, nameof(Width), Width);
        Require(Context >= 2, nameof(Context), Context);
        Require(Dropout is >= 0 and < 1, nameof(Dropout), Dropout);
        Require(AttentionDropout is >= 0 and < 1, nameof(AttentionDropout), AttentionDropout);
        Require(Epochs >= 1, nameof(Epochs), Epochs);
        Require(FineTuneEpochs >= 1, nameof(FineTuneEpochs), FineTuneEpochs);
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize);
        Require(LearningRate > 0, nameof(LearningRate), LearningRate);
        Require(FineTuneLearningRate > 0, nameof(FineTuneLearningRate), FineTuneLearningRate);
        Require(WarmupFraction is >= 0 and < 1, nameof(WarmupFraction), WarmupFraction);
        Require(WeightDecay >= 0, nameof(WeightDecay), WeightDecay);
        Require(GradientClip > 0, nameof(GradientClip), GradientClip);
        Require(VocabularyLimit is null or >= 2, nameof(VocabularyLimit), VocabularyLimit ?? 0);
    }

    private static void Require(bool condition, string name, object value)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Invalid transformer setting {name} = {value}.");
        }
    }
}
