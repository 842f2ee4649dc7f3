namespace Ecosystem.Scenarios;

/// <summary>The model families a vendor can train.</summary>
public enum ModelFamilyKind
{
    /// <summary>Empirical category frequencies (Shumailov's exact approximation).</summary>
    Categorical,

    /// <summary>A normal distribution fitted by mean and variance.</summary>
    Gaussian,

    /// <summary>A Gaussian mixture fitted by expectation-maximisation.</summary>
    Gmm,

    /// <summary>An interpolated Kneser-Ney n-gram language model over GPT-2 tokens.</summary>
    Ngram,

    /// <summary>A small GPT-style decoder trained with TorchSharp.</summary>
    Transformer,
}
