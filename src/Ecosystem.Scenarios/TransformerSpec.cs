namespace Ecosystem.Scenarios;

/// <summary>Architecture, optimisation and device of a transformer vendor's model (model.family "transformer").</summary>
public sealed record TransformerSpec
{
    /// <summary>Decoder blocks.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Attention heads per block.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Model width; a multiple of heads with an even head size.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Context window in tokens.</summary>
    public int Context { get; init; } = 64;

    /// <summary>Dropout while training.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Epochs when training from scratch.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Epochs when fine-tuning from earlier weights.</summary>
    public int FineTuneEpochs { get; init; } = 3;

    /// <summary>Blocks per optimiser step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate from scratch.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Peak learning rate when fine-tuning.</summary>
    public double FineTuneLearningRate { get; init; } = 1e-3;

    /// <summary>Share of steps warming the learning rate up.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>Gradient-norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>auto, cpu or cuda.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>Compact the vocabulary to the tokens of generation 0's training set.</summary>
    public bool CompactVocabulary { get; init; } = true;
}
