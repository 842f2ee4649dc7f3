using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Abstractions.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>A trained decoder with its vocabulary: samples continuations, scores text (log-likelihood over all source
/// token ids) and describes its training.</summary>
public sealed class TransformerModel : IGenerativeModel, IDisposable
{
    private const int ScoringBatch = 64;

    internal TransformerModel(GptDecoder network, TokenVocabulary vocabulary, TrainingSummary training, Device device)
    {
        Network = network;
        Vocabulary = vocabulary;
        Training = training;
        Device = device;
    }

    /// <summary>The model's vocabulary.</summary>
    public TokenVocabulary Vocabulary { get; }

    /// <summary>What training did.</summary>
    public TrainingSummary Training { get; }

    /// <summary>Architecture settings.</summary>
    public TransformerSettings Settings => Network.Settings;

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount => Network.ParameterCount;

    /// <summary>The device the weights live on.</summary>
    public Device Device { get; }

    internal GptDecoder Network { get; }

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Sample(int count, SamplingOptions options, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Temperature);
        var prompts = options.Prompts is { } real
            ? real.Select(p => Prepend(p.Tokens)).ToArray()
            : Enumerable.Range(0, count).Select(_ => new[] { TokenVocabulary.Begin }).ToArray();
        if (options.Watermark is not null && options.Beams > 1)
        {
            throw new ArgumentException("A watermark biases sampling; beam search with a watermark is not supported (use beams 1).", nameof(options));
        }

        var request = new ContinuationRequest(prompts, options.Length, options.Temperature, options.TopP, options.Beams)
        {
            Watermark = options.Watermark,
            Vocabulary = Vocabulary,
            NoRepeatNgramSize = options.NoRepeatNgramSize,
            RepetitionPenalty = options.RepetitionPenalty,
            BeamSampling = options.BeamSampling,
        };
        var generated = TorchThread.Run(() => TokenGenerator.Generate(Network, request, Device, random, cancellationToken));
        return generated.Select(tokens => DocumentContent.FromTokens(tokens.Select(Vocabulary.ToSource).ToArray())).ToArray();
    }

    /// <inheritdoc />
    public DocumentScore Score(DocumentContent document) => ScoreMany([document])[0];

    /// <inheritdoc />
    public IReadOnlyList<DocumentScore> ScoreMany(IReadOnlyList<DocumentContent> documents, CancellationToken cancellationToken = default) =>
        TorchThread.Run(() => Score(documents, cancellationToken));

    private DocumentScore[] Score(IReadOnlyList<DocumentContent> documents, CancellationToken cancellationToken)
    {
        var modelIds = documents.Select(d => d.Tokens.Select(Vocabulary.ToModel).ToArray()).ToList();
        var blocks = TrainingBlocks.From(modelIds, Settings.Context);
        // Every token is predicted exactly once, so each unknown token adds its share of the unknown symbol's mass.
        var logLikelihoods = documents
            .Select(d => d.Tokens.Where(t => !Vocabulary.Contains(t)).Sum(Vocabulary.UnknownShareLog))
            .ToArray();
        using var _ = torch.no_grad();
        Network.eval();
        for (var start = 0; start < blocks.Count; start += ScoringBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(ScoringBatch, blocks.Count - start);
            float[] targetLogProbabilities;
            using (var scope = torch.NewDisposeScope())
            {
                var input = new long[rows * blocks.Length];
                var target = new long[rows * blocks.Length];
                for (var r = 0; r < rows; r++)
                {
                    blocks.Inputs[start + r].CopyTo(input, r * blocks.Length);
                    blocks.Targets[start + r].CopyTo(target, r * blocks.Length);
                }

                var targets = torch.tensor(target, [rows, blocks.Length], device: Device);
                // The begin symbol is never a token of text: normalise over the unknown symbol and the modelled ids.
                var gathered = Network.TargetLogProbabilities(torch.tensor(input, [rows, blocks.Length], device: Device), targets.clamp_min(0), TokenVocabulary.Begin);
                targetLogProbabilities = gathered.cpu().data<float>().ToArray();
            }

            for (var r = 0; r < rows; r++)
            {
                var owner = blocks.Owners[start + r];
                var targetRow = blocks.Targets[start + r];
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (targetRow[i] == TrainingBlocks.Ignore)
                    {
                        continue;
                    }

                    logLikelihoods[owner] += targetLogProbabilities[r * blocks.Length + i];
                }
            }
        }

        return documents.Select((d, i) => new DocumentScore(logLikelihoods[i], d.Tokens.Length)).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> Describe()
    {
        var statistics = new List<ModelStatistic>
        {
            new(MetricNames.ModelParameters, "", ParameterCount),
            new(MetricNames.ModelVocabularySize, "", Vocabulary.Size),
            new(MetricNames.TrainingLoss, "", Training.FinalLoss),
            new(MetricNames.TrainingTokensPerSecond, "", Training.TokensPerSecond),
            new(MetricNames.TrainingEpochs, "", Training.Epochs),
        };
        for (var e = 0; e < Training.EpochLosses.Count; e++)
        {
            statistics.Add(new ModelStatistic(MetricNames.TrainingEpochLoss, (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Training.EpochLosses[e]));
        }

        if (Training.ValidationLosses.Count > 0)
        {
            statistics.Add(new ModelStatistic(MetricNames.TrainingSelectedEpoch, "", Training.SelectedEpoch));
            for (var e = 0; e < Training.ValidationLosses.Count; e++)
            {
                statistics.Add(new ModelStatistic(MetricNames.TrainingValidationLoss, (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Training.ValidationLosses[e]));
            }
        }

        return statistics;
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelStatistic> CompareTo(TrueDistribution truth) => [];

    /// <summary>Releases the native weights.</summary>
    public void Dispose() => Network.Dispose();

    private int[] Prepend(int[] sourceTokens)
    {
        var ids = new int[sourceTokens.Length + 1];
        ids[0] = TokenVocabulary.Begin;
        for (var i = 0; i < sourceTokens.Length; i++)
        {
            ids[i + 1] = Vocabulary.ToModel(sourceTokens[i]);
        }

        return ids;
    }
}
