using Ecosystem.Corpus;
using Ecosystem.Models;
using Ecosystem.Models.Transformer;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Runs;

/// <summary>Creates the model family a vendor's scenario entry asks for.</summary>
internal static class ModelFamilies
{
    public static IModelFamily Create(ModelSpec model, DataSpec data, IProgress<TrainingProgress>? progress = null, Action<string>? warn = null) => model.Family switch
    {
        ModelFamilyKind.Categorical => new CategoricalFamily(data.Categorical.Probabilities.Count),
        ModelFamilyKind.Gaussian => new GaussianFamily(model.Variance == VarianceEstimatorKind.Mle ? VarianceEstimator.MaximumLikelihood : VarianceEstimator.Unbiased),
        ModelFamilyKind.Gmm => new GaussianMixtureFamily(model.Components, model.MaxIterations, 1e-6),
        ModelFamilyKind.Transformer => new TransformerFamily(Settings(model.Transformer), TextTokenizer.Shared.VocabularySize, progress, warn),
        _ => new NGramFamily(model.Order, model.Discount, TextTokenizer.Shared.VocabularySize),
    };

    public static TransformerSettings Settings(TransformerSpec spec) => new()
    {
        Layers = spec.Layers,
        Heads = spec.Heads,
        Width = spec.Width,
        Context = spec.Context,
        Dropout = spec.Dropout,
        Epochs = spec.Epochs,
        FineTuneEpochs = spec.FineTuneEpochs,
        BatchSize = spec.BatchSize,
        LearningRate = spec.LearningRate,
        FineTuneLearningRate = spec.FineTuneLearningRate,
        WarmupFraction = spec.WarmupFraction,
        WeightDecay = spec.WeightDecay,
        GradientClip = spec.GradientClip,
        Device = spec.Device switch
        {
            DeviceKind.Cpu => TorchDeviceKind.Cpu,
            DeviceKind.Cuda => TorchDeviceKind.Cuda,
            _ => TorchDeviceKind.Auto,
        },
        CompactVocabulary = spec.CompactVocabulary,
    };
}
