using Ecosystem.Abstractions.Models;
namespace Ecosystem.Scenarios;

/// <summary>Which model family a vendor trains, with the family's settings.</summary>
public sealed record ModelSpec
{
    /// <summary>Model family.</summary>
    public ModelFamilyKind Family { get; init; } = ModelFamilyKind.Ngram;

    /// <summary>n-gram order (ngram).</summary>
    public int Order { get; init; } = 3;

    /// <summary>Kneser-Ney absolute discount (ngram).</summary>
    public double Discount { get; init; } = 0.75;

    /// <summary>Variance estimator (gaussian).</summary>
    public VarianceEstimatorKind Variance { get; init; } = VarianceEstimatorKind.Unbiased;

    /// <summary>Mixture components (gmm).</summary>
    public int Components { get; init; } = 2;

    /// <summary>Maximum EM iterations (gmm).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Architecture and optimisation (transformer).</summary>
    public TransformerSettings Transformer { get; init; } = new();

    /// <summary>The pretrained base the generations are fine-tuned from (transformer); null when there is none.</summary>
    public BaseSpec? Base { get; init; }
}
