using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Corpus;
using TorchSharp;

namespace Ecosystem.Models.Transformer;

/// <summary>The transformer model family: a small GPT-style decoder fitted to token documents, either from scratch or
/// fine-tuned from an earlier generation's weights.</summary>
/// <remarks>Training runs one at a time per process: weight initialisation and dropout draw from libtorch's global
/// generator, which is seeded from the caller's <see cref="Random"/> inside the same critical section, so fits are
/// deterministic whatever else the process is doing. Two CPU cores gain nothing from concurrent fits anyway.</remarks>
public sealed class TransformerFamily(
    TransformerSettings settings,
    int sourceVocabularySize,
    IProgress<TrainingProgress>? progress = null,
    Action<string>? warn = null) : IModelFamily
{
    private static readonly Lock TrainingGate = new();

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
    public IGenerativeModel Fit(IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        if (weights is not null)
        {
            throw new NotSupportedException("Weighted transformer fits are not implemented yet.");
        }

        Settings.Validate();
        var vocabulary = Settings.CompactVocabulary
            ? TokenVocabulary.Compact(trainingSet.Select(d => d.Tokens), sourceVocabularySize, Settings.VocabularyLimit)
            : TokenVocabulary.Full(sourceVocabularySize);
        lock (TrainingGate)
        {
            var device = ResolveDevice();
            torch.manual_seed(random.NextInt64());
            var network = new GptDecoder(Settings, vocabulary.Size);
            network.to(device);
            return Train(network, vocabulary, trainingSet, Settings.Epochs, Settings.LearningRate, fineTuned: false, device, random, cancellationToken);
        }
    }

    /// <inheritdoc />
    public IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, Random random, CancellationToken cancellationToken = default) =>
        FineTune(start, trainingSet, null, random, cancellationToken);

    /// <inheritdoc />
    public IGenerativeModel FineTune(IGenerativeModel start, IReadOnlyList<DocumentContent> trainingSet, TrainingWeights? weights, Random random, CancellationToken cancellationToken = default)
    {
        if (weights is not null)
        {
            throw new NotSupportedException("Weighted transformer fits are not implemented yet.");
        }

        if (start is not TransformerModel origin)
        {
            throw new ArgumentException($"A transformer can only be fine-tuned from a transformer, not from {start.GetType().Name}.", nameof(start));
        }

        lock (TrainingGate)
        {
            var device = ResolveDevice();
            torch.manual_seed(random.NextInt64());
            var network = new GptDecoder(origin.Settings, origin.Vocabulary.Size);
            CopyWeights(origin.Network, network);

            network.to(device);
            return Train(network, origin.Vocabulary, trainingSet, Settings.FineTuneEpochs, Settings.FineTuneLearningRate, fineTuned: true, device, random, cancellationToken);
        }
    }

    private TransformerModel Train(
        GptDecoder network,
        TokenVocabulary vocabulary,
        IReadOnlyList<DocumentContent> trainingSet,
        int epochs,
        double learningRate,
        bool fineTuned,
        torch.Device device,
        Random random,
        CancellationToken cancellationToken)
    {
        try
        {
            var blocks = TrainingBlocks.From(trainingSet.Select(d => d.Tokens.Select(vocabulary.ToModel).ToArray()).ToList(), network.Settings.Context);
            var summary = TransformerTrainer.Train(network, blocks, epochs, learningRate, fineTuned, device, random, progress, cancellationToken);
            return new TransformerModel(network, vocabulary, summary, device);
        }
        catch
        {
            network.Dispose();
            throw;
        }
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
