using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models;

/// <summary>A family of generative models that can be fitted to a training set (categorical, gaussian, gmm, ngram, ...).</summary>
/// <remarks>The ecosystem drives every family through this interface and never knows which one it runs.</remarks>
public interface IModelFamily
{
    /// <summary>The family's name as written in scenario files.</summary>
    string Name { get; }

    /// <summary>Fits a new model to <paramref name="trainingSet"/>. Must be deterministic given the inputs and <paramref name="random"/>.</summary>
    IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default);

    /// <summary>Fits a new model to <paramref name="trainingSet"/> with each document counted by its weight
    /// (<c>training.realWeight</c>); null weights give <see cref="Fit(IReadOnlyList{DocumentContent}, Random, CancellationToken)"/>.</summary>
    IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default);

    /// <summary>True when <see cref="FineTune(IGenerativeModel, IReadOnlyList{DocumentContent}, Random, CancellationToken)"/> starts from the given model's parameters rather than from scratch.</summary>
    bool CanFineTune => false;

    /// <summary>Fits a new model to <paramref name="trainingSet"/> starting from <paramref name="start"/>'s parameters
    /// (Shumailov et al. fine-tune every generation from the original model). Families that cannot fine-tune fit
    /// from scratch.</summary>
    IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, random, cancellationToken);

    /// <summary><see cref="FineTune(IGenerativeModel, IReadOnlyList{DocumentContent}, Random, CancellationToken)"/> with
    /// each document counted by its weight.</summary>
    IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, weights, random, cancellationToken);
}
