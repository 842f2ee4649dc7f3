using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Models;
using Ecosystem.Corpus;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Creates the model family a vendor's scenario entry asks for.</summary>
internal static class ModelFamilies
{
    /// <param name="validation">Real documents a transformer selects its epoch on (see training.validationDocuments).</param>
    public static IModelFamily Create(
        ModelSpec model,
        DataSpec data,
        IProgress<TrainingProgress>? progress = null,
        Action<string>? warn = null,
        IReadOnlyList<DocumentContent>? validation = null) => model.Family switch
    {
        ModelFamilyKind.Categorical => new CategoricalFamily(data.Categorical.Probabilities.Count),
        ModelFamilyKind.Gaussian => new GaussianFamily(model.Variance switch
        {
            VarianceEstimatorKind.Mle => VarianceEstimator.MaximumLikelihood,
            VarianceEstimatorKind.Known => VarianceEstimator.Known,
            _ => VarianceEstimator.Unbiased,
        }, data.Gaussian.Stddev * data.Gaussian.Stddev),
        ModelFamilyKind.Gmm => new GaussianMixtureFamily(model.Components, model.MaxIterations, 1e-6),
        ModelFamilyKind.Transformer => new TransformerFamily(model.Transformer, TextTokenizer.Shared.VocabularySize, progress, warn, validation),
        _ => new NGramFamily(model.Order, model.Discount, TextTokenizer.Shared.VocabularySize),
    };
}
