namespace Ecosystem.Models;

/// <summary>The names of the model families as written in scenario files.</summary>
public static class ModelFamilyNames
{
    /// <summary>Empirical category frequencies.</summary>
    public const string Categorical = "categorical";

    /// <summary>Normal distribution.</summary>
    public const string Gaussian = "gaussian";

    /// <summary>One-dimensional Gaussian mixture fitted by EM.</summary>
    public const string Gmm = "gmm";

    /// <summary>Interpolated Kneser-Ney n-gram language model.</summary>
    public const string NGram = "ngram";

    /// <summary>A small GPT-style decoder trained with TorchSharp.</summary>
    public const string Transformer = "transformer";
}
