using Ecosystem.Abstractions.Corpus;
using TorchSharp;
using Xunit;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class EpochSelectionTests
{
    // The validation language counts downwards: the better the model learns to count upwards, the worse it does there,
    // so the best epoch is an early one and the weights must be rolled back to it.
    private static IReadOnlyList<DocumentContent> CountingDown(int count, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ =>
            {
                var start = random.Next(10);
                return DocumentContent.FromTokens(Enumerable.Range(0, length).Select(i => 10 + ((start - i) % 10 + 10) % 10).ToArray());
            })
            .ToList();
    }

    [Fact]
    public void A_fit_keeps_the_epoch_with_the_lowest_validation_loss_and_its_weights()
    {
        var training = TinyTransformer.CountingDocuments(64, 16, seed: 3);
        var validation = CountingDown(16, 16, seed: 4);
        var settings = TinyTransformer.Settings with { Epochs = 6 };
        using var model = (TransformerModel)new TransformerFamily(settings, TinyTransformer.SourceVocabulary, validation: validation)
            .Fit(training, new Random(1));

        var losses = model.Training.ValidationLosses;
        Assert.Equal(6, losses.Count);
        var best = losses.Select((loss, index) => (loss, epoch: index + 1)).MinBy(p => p.loss).epoch;
        Assert.Equal(best, model.Training.SelectedEpoch);
        Assert.True(best < 6, $"validation losses {string.Join(", ", losses)}");

        var blocks = TrainingBlocks.From(validation.Select(d => d.Tokens.Select(model.Vocabulary.ToModel).ToArray()).ToList(), settings.Context);
        Assert.Equal(losses[best - 1], TransformerTrainer.ValidationLoss(model.Network, blocks, torch.CPU), 5);
    }

    [Fact]
    public void Without_validation_documents_the_last_epoch_is_kept_and_nothing_is_scored()
    {
        using var model = TinyTransformer.Fit(TinyTransformer.CountingDocuments(32, 16, seed: 3), settings: TinyTransformer.Settings with { Epochs = 3 });
        Assert.Equal(3, model.Training.SelectedEpoch);
        Assert.Empty(model.Training.ValidationLosses);
    }

    [Fact]
    public void Validation_does_not_change_the_training_itself()
    {
        // The same seed gives the same epoch losses with and without validation: scoring draws nothing at random.
        var training = TinyTransformer.CountingDocuments(32, 16, seed: 5);
        var settings = TinyTransformer.Settings with { Epochs = 3, Dropout = 0.1 };
        using var plain = (TransformerModel)new TransformerFamily(settings, TinyTransformer.SourceVocabulary).Fit(training, new Random(2));
        using var validated = (TransformerModel)new TransformerFamily(settings, TinyTransformer.SourceVocabulary, validation: CountingDown(8, 16, seed: 6))
            .Fit(training, new Random(2));
        Assert.Equal(plain.Training.EpochLosses, validated.Training.EpochLosses);
    }
}
