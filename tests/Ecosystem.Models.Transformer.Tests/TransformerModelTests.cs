using Ecosystem.Abstractions.Models;
using Ecosystem.Abstractions.Corpus;
using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class TransformerModelTests
{
    private static readonly IReadOnlyList<DocumentContent> Counting = TinyTransformer.CountingDocuments(96, 12, seed: 5);

    [Fact]
    public void Training_lowers_the_loss_and_the_model_learns_a_deterministic_language()
    {
        using var model = TinyTransformer.Fit(Counting);

        Assert.True(model.Training.EpochLosses[^1] < 0.25 * model.Training.EpochLosses[0], string.Join(", ", model.Training.EpochLosses));
        // Twelve tokens after the first are determined: perplexity per token approaches exp(ln 10 / 12) ~ 1.21.
        var perplexity = model.ScoreMany(TinyTransformer.CountingDocuments(20, 12, seed: 9)).Average(s => s.Perplexity);
        Assert.InRange(perplexity, 1.0, 1.6);
    }

    [Fact]
    public void Low_temperature_sampling_and_beam_search_continue_a_prompt_the_way_the_language_does()
    {
        using var model = TinyTransformer.Fit(Counting);
        var prompts = new[] { DocumentContent.FromTokens([13, 14, 15]), DocumentContent.FromTokens([18, 19]) };

        foreach (var options in new[] { new SamplingOptions(12, 0.3) { Prompts = prompts }, new SamplingOptions(12) { Prompts = prompts, Beams = 5 } })
        {
            var continuations = model.Sample(prompts.Length, options, new Random(3));
            // Twelve tokens continue past the 8-token context, so the sliding cache is exercised.
            Assert.Equal(Enumerable.Range(0, 12).Select(i => 10 + (6 + i) % 10), continuations[0].Tokens);
            Assert.Equal(Enumerable.Range(0, 12).Select(i => 10 + (0 + i) % 10), continuations[1].Tokens);
        }
    }

    [Fact]
    public void Scores_are_a_distribution_over_every_source_id_including_those_without_a_row()
    {
        using var model = TinyTransformer.Fit(Counting, settings: TinyTransformer.Settings with { Epochs = 2 });

        // P(first token) over all 40 source ids: 10 modelled, 30 sharing the unknown symbol's mass.
        var total = Enumerable.Range(0, TinyTransformer.SourceVocabulary)
            .Sum(id => Math.Exp(model.Score(DocumentContent.FromTokens([id])).LogLikelihood));
        Assert.Equal(1.0, total, 4);
        Assert.Equal(12, model.Vocabulary.Size);
    }

    [Fact]
    public void Sampling_never_emits_the_reserved_symbols_and_returns_source_ids()
    {
        using var model = TinyTransformer.Fit(Counting, settings: TinyTransformer.Settings with { Epochs = 1 });

        var documents = model.Sample(30, new SamplingOptions(10, 1.5) { TopP = 0.9 }, new Random(4));

        Assert.Equal(30, documents.Count);
        Assert.All(documents, d => Assert.Equal(10, d.Tokens.Length));
        Assert.All(documents.SelectMany(d => d.Tokens), t => Assert.InRange(t, 10, 19));
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_the_same_samples()
    {
        using var first = TinyTransformer.Fit(Counting, seed: 7, settings: TinyTransformer.Settings with { Epochs = 2, Dropout = 0.1 });
        using var second = TinyTransformer.Fit(Counting, seed: 7, settings: TinyTransformer.Settings with { Epochs = 2, Dropout = 0.1 });

        Assert.Equal(first.Training.EpochLosses, second.Training.EpochLosses);
        var a = first.Sample(8, new SamplingOptions(10), new Random(2)).SelectMany(d => d.Tokens);
        var b = second.Sample(8, new SamplingOptions(10), new Random(2)).SelectMany(d => d.Tokens);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_checkpoint_reloads_to_identical_scores_and_samples()
    {
        using var model = TinyTransformer.Fit(Counting, settings: TinyTransformer.Settings with { Epochs = 2 });
        var directory = Path.Combine(Path.GetTempPath(), "ecosystem-checkpoint-" + Guid.NewGuid().ToString("N"));
        try
        {
            TransformerCheckpoint.Save(model, directory);
            Assert.True(TransformerCheckpoint.Exists(directory));
            using var loaded = TransformerCheckpoint.Load(directory, DeviceKind.Cpu);

            var probe = TinyTransformer.CountingDocuments(5, 12, seed: 11);
            Assert.Equal(model.ScoreMany(probe), loaded.ScoreMany(probe));
            Assert.Equal(model.Training, loaded.Training with { EpochLosses = model.Training.EpochLosses, ValidationLosses = model.Training.ValidationLosses });
            Assert.Equal(model.Training.EpochLosses, loaded.Training.EpochLosses);
            Assert.Equal(model.Training.ValidationLosses, loaded.Training.ValidationLosses);
            Assert.Equal(
                model.Sample(4, new SamplingOptions(6), new Random(1)).SelectMany(d => d.Tokens),
                loaded.Sample(4, new SamplingOptions(6), new Random(1)).SelectMany(d => d.Tokens));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Fine_tuning_starts_from_the_given_weights_and_leaves_them_untouched()
    {
        using var origin = TinyTransformer.Fit(Counting);
        var probe = TinyTransformer.CountingDocuments(20, 12, seed: 9);
        var before = origin.ScoreMany(probe).Sum(s => s.LogLikelihood);
        var family = new TransformerFamily(TinyTransformer.Settings with { FineTuneEpochs = 1, FineTuneLearningRate = 1e-5 }, TinyTransformer.SourceVocabulary);

        // A different language, learnt for one epoch at a tiny rate: the result stays close to the origin.
        var reversed = Counting.Select(d => DocumentContent.FromTokens(d.Tokens.Reverse().ToArray())).ToList();
        using var tuned = (TransformerModel)family.FineTune(origin, reversed, new Random(2));
        using var scratch = (TransformerModel)family.Fit(reversed, new Random(2));

        Assert.True(tuned.Training.FineTuned);
        Assert.Equal(before, origin.ScoreMany(probe).Sum(s => s.LogLikelihood));
        var tunedPerplexity = tuned.ScoreMany(probe).Average(s => s.Perplexity);
        Assert.InRange(tunedPerplexity, 1.0, 1.7);
        Assert.True(scratch.ScoreMany(probe).Average(s => s.Perplexity) > 2 * tunedPerplexity);
    }

    [Fact]
    public void Repeated_generations_release_every_tensor_they_create()
    {
        var settings = TinyTransformer.Settings with { Epochs = 1, FineTuneEpochs = 1 };
        var family = new TransformerFamily(settings, TinyTransformer.SourceVocabulary);
        using var origin = (TransformerModel)family.Fit(Counting, new Random(1));
        Cycle(origin, family, 0);

        // TorchSharp's layer constructors count a few handles that disposing the module does not (a Parameter takes
        // over the handle of the tensor it wraps). Measure that once, for exactly the network each cycle builds.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var beforeNetwork = torch.Tensor.TotalCount;
        new GptDecoder(settings, origin.Vocabulary.Size).Dispose();
        var perNetwork = torch.Tensor.TotalCount - beforeNetwork;

        for (var generation = 1; generation <= 4; generation++)
        {
            // Tensors other tests of this process left to the garbage collector are finalized now, not in the middle of
            // the count (that made it fall by hundreds once under load).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = torch.Tensor.TotalCount;
            Cycle(origin, family, generation);
            // Training, beam search, sampling and scoring leave nothing behind of their own.
            Assert.Equal(perNetwork, torch.Tensor.TotalCount - before);
        }
    }

    private static void Cycle(TransformerModel origin, TransformerFamily family, int seed)
    {
        var random = new Random(seed);
        var text = origin.Sample(Counting.Count, new SamplingOptions(12) { Beams = seed % 2 == 0 ? 1 : 3 }, random);
        using var next = (TransformerModel)family.FineTune(origin, text, random);
        _ = next.ScoreMany(Counting);
        _ = next.Describe();
    }

    [Fact]
    public void A_watermarked_transformer_writes_text_the_detector_flags_and_the_same_model_without_it_does_not()
    {
        // Random documents over 20 tokens: the model learns a near-uniform next-token distribution, which the
        // watermark's delta then tilts towards the green half of the ids.
        var random = new Random(8);
        var documents = Enumerable.Range(0, 120).Select(_ => DocumentContent.FromTokens([.. Enumerable.Range(0, 12).Select(_ => 10 + random.Next(20))])).ToList();
        using var model = TinyTransformer.Fit(documents, settings: TinyTransformer.Settings with { Epochs = 3 });
        var watermark = new Ecosystem.Watermarking.GreenListWatermark("vendor-key", 0.5, 4);
        var detector = new Ecosystem.Watermarking.WatermarkDetector([watermark]);

        var marked = model.Sample(30, new SamplingOptions(80) { Watermark = watermark }, new Random(2));
        var plain = model.Sample(30, new SamplingOptions(80), new Random(2));

        // With delta 4 nearly every token is green: z is far above 4 (about 7 for 60 distinct pairs); unmarked text
        // has z ~ N(0, 1), so at most a few of 30 exceed 2 and none 4.
        Assert.True(marked.Count(d => detector.Detect(d.Tokens).IsFlagged(4)) >= 28, string.Join(", ", marked.Select(d => detector.Detect(d.Tokens).Z.ToString("F1"))));
        Assert.DoesNotContain(plain, d => detector.Detect(d.Tokens).IsFlagged(4));
        Assert.Throws<ArgumentException>(() => model.Sample(2, new SamplingOptions(8) { Watermark = watermark, Beams = 3 }, new Random(1)));
    }
}
