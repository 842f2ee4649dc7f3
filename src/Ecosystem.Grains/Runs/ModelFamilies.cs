using Ecosystem.Corpus;
using Ecosystem.Models;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Creates the model family a vendor's scenario entry asks for.</summary>
internal static class ModelFamilies
{
    public static IModelFamily Create(ModelSpec model, DataSpec data) => model.Family switch
    {
        ModelFamilyKind.Categorical => new CategoricalFamily(data.Categorical.Probabilities.Count),
        ModelFamilyKind.Gaussian => new GaussianFamily(model.Variance == VarianceEstimatorKind.Mle ? VarianceEstimator.MaximumLikelihood : VarianceEstimator.Unbiased),
        ModelFamilyKind.Gmm => new GaussianMixtureFamily(model.Components, model.MaxIterations, 1e-6),
        _ => new NGramFamily(model.Order, model.Discount, TextTokenizer.Shared.VocabularySize),
    };
}
