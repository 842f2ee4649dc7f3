using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Models.Transformer.Tests;

/// <summary>A model small enough to train in a second, and a toy language it can learn.</summary>
internal static class TinyTransformer
{
    public const int SourceVocabulary = 40;

    public static TransformerSettings Settings { get; } = new()
    {
        Layers = 2,
        Heads = 2,
        Width = 32,
        Context = 8,
        Dropout = 0,
        Epochs = 25,
        FineTuneEpochs = 2,
        BatchSize = 16,
        LearningRate = 1e-2,
        FineTuneLearningRate = 1e-3,
        Device = DeviceKind.Cpu,
    };

    /// <summary>Documents that count upwards from a random start through tokens 10..19 and wrap around: every token
    /// determines the next, so a trained model continues any prompt exactly.</summary>
    public static IReadOnlyList<DocumentContent> CountingDocuments(int count, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ =>
            {
                var start = random.Next(10);
                return DocumentContent.FromTokens(Enumerable.Range(0, length).Select(i => 10 + (start + i) % 10).ToArray());
            })
            .ToList();
    }

    public static TransformerModel Fit(IReadOnlyList<DocumentContent> documents, int seed = 1, TransformerSettings? settings = null) =>
        (TransformerModel)new TransformerFamily(settings ?? Settings, SourceVocabulary).Fit(documents, new Random(seed));
}
