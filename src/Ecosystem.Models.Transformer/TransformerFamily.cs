using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Corpus;
using TorchSharp;

namespace Ecosystem.Models.Transformer;

/// <summary>The transformer model family: a small GPT-style decoder fitted to token documents, either from scratch or
/// fine-tuned from an earlier generation's weights.</summary>
/// <remarks>Training runs one at a time per process, as one work item of <see cref="TorchThread"/>: weight
/// initialisation and dropout draw from libtorch's global generator, which the item seeds from the caller's
/// <see cref="Random"/> before it trains, and no other libtorch work runs until it is done, so fits are deterministic
/// whatever else the process is doing.</remarks>
/// <param name="validation">Real documents scored after every epoch: when given, a fit keeps the epoch with the lowest
/// loss on them instead of the last (never trained on).</param>
public sealed class TransformerFamily(
    TransformerSettings settings,
    int sourceVocabularySize,
    IProgress<TrainingProgress>? progress = null,
    Action<string>? warn = null,
    IReadOnlyList<DocumentContent>? validation = null) : IModelFamily
{
    /// <inheritdoc />
    public string Name => ModelFamilyNames.Transformer;

    /// <inheritdoc />
    public bool CanFineTune => true;

    /// <summary>The settings every model of the family is built with.</summary>
    public TransformerSettings Settings { get; } = settings;

    /// <inheritdoc />
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        Fit(trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Weighted fits count each target token's cross-entropy by its document's weight; the vocabulary is
    /// still taken from every document, whatever its weight.</remarks>
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        Settings.Validate();
        var vocabulary = Settings.CompactVocabulary
            ? TokenVocabulary.Compact(trainingSet.Select(d => d.Tokens), sourceVocabularySize, Settings.VocabularyLimit)
            : TokenVocabulary.Full(sourceVocabularySize);
        return TorchThread.Run(() =>
        {
            var device = ResolveDevice();
            torch.manual_seed(random.NextInt64());
            var network = new GptDecoder(Settings, vocabulary.Size);
            network.to(device);
            return Train(network, vocabulary, trainingSet, weights, Settings.Epochs, Settings.LearningRate, fineTuned: false, device, random, cancellationToken);
        });
    }

    /// <inheritdoc />
    public IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        FineTune(start, trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Weighted as <see cref="Fit(IReadOnlyList{DocumentContent}, TrainingWeights?, Random, CancellationToken)"/>.</remarks>
    public IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        weights?.CheckCount(trainingSet.Count);
        if (start is not TransformerModel origin)
        {
            throw new ArgumentException($"A transformer can only be fine-tuned from a transformer, not from {start.GetType().Name}.", nameof(start));
        }

        return TorchThread.Run(() =>
        {
            var device = ResolveDevice();
            torch.manual_seed(random.NextInt64());
            var network = new GptDecoder(origin.Settings, origin.Vocabulary.Size);
            CopyWeights(origin.Network, network);

            network.to(device);
            return Train(network, origin.Vocabulary, trainingSet, weights, Settings.FineTuneEpochs, Settings.FineTuneLearningRate, fineTuned: true, device, random, cancellationToken);
        });
    }

    private TransformerModel Train(
        GptDecoder network,
        TokenVocabulary vocabulary,
        IReadOnlyList<DocumentContent> trainingSet,
        TrainingWeights? weights,
        int epochs,
        double learningRate,
        bool fineTuned,
        torch.Device device,
        Random random,
        CancellationToken cancellationToken)
    {
        try
        {
            List<int[]> ModelIds(IReadOnlyList<DocumentContent> documents) => documents.Select(d => d.Tokens.Select(vocabulary.ToModel).ToArray()).ToList();
            var blocks = TrainingBlocks.From(ModelIds(trainingSet), network.Settings.Context, TargetWeights(trainingSet, weights));
            var validationBlocks = validation is { Count: > 0 } ? TrainingBlocks.From(ModelIds(validation), network.Settings.Context, null) : null;
            var summary = TransformerTrainer.Train(network, blocks, epochs, learningRate, fineTuned, device, random, progress, cancellationToken, validationBlocks);
            return new TransformerModel(network, vocabulary, summary, device);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Each document's weight for its targets, or null where weighting would change nothing: when every
    /// document with tokens weighs the same, that weight is 1 (the weights average 1 per token) and the fit takes the
    /// unweighted loss, bit for bit.</summary>
    private static float[]? TargetWeights(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights)
    {
        if (weights is null)
        {
            return null;
        }

        double? shared = null;
        var uniform = true;
        for (var d = 0; d < trainingSet.Count && uniform; d++)
        {
            if (trainingSet[d].Tokens.Length > 0)
            {
                shared ??= weights[d];
                uniform = weights[d] == shared;
            }
        }

        return uniform ? null : [.. weights.PerDocument.Select(w => (float)w)];
    }

    /// <summary>Copies every parameter and buffer into the new network's own storage, so training the copy never
    /// touches the original.</summary>
    private static void CopyWeights(GptDecoder from, GptDecoder to)
    {
        using var _ = torch.no_grad();
        var source = from.state_dict();
        foreach (var (name, target) in to.state_dict())
        {
            target.copy_(source[name]);
        }
    }

    private torch.Device ResolveDevice()
    {
        var (device, warning) = TorchDevices.Resolve(Settings.Device);
        if (warning is not null)
        {
            warn?.Invoke(warning);
        }

        return device;
    }
}
