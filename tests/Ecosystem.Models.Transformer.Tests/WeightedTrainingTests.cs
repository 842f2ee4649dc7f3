using Ecosystem.Abstractions.Corpus;
using TorchSharp;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class WeightedTrainingTests
{
    private static readonly IReadOnlyList<DocumentContent> Counting = TinyTransformer.CountingDocuments(96, 12, seed: 5);

    /// <summary>Two kinds of document that share their first token and differ in the second: a model can only learn
    /// how often each kind comes, so the probability it gives "10 11" is the share of the kind in the fit.</summary>
    private static readonly IReadOnlyList<DocumentContent> TwoKinds =
        [.. Enumerable.Range(0, 128).Select(i => DocumentContent.FromTokens(i % 2 == 0 ? [10, 11] : [10, 12]))];

    private static readonly DocumentContent KindA = DocumentContent.FromTokens([10, 11]);

    [Fact]
    public void Weights_that_are_all_one_give_the_unweighted_fit_bit_for_bit()
    {
        var family = new TransformerFamily(TinyTransformer.Settings with { Epochs = 2, FineTuneEpochs = 1, Dropout = 0.1 }, TinyTransformer.SourceVocabulary);
        var ones = TrainingWeights.Of([.. Counting.Select(_ => 1.0)], [.. Counting.Select(d => d.Tokens.Length)]);
        var probe = TinyTransformer.CountingDocuments(20, 12, seed: 9);

        using var plain = (TransformerModel)family.Fit(Counting, new Random(4));
        using var weighted = (TransformerModel)family.Fit(Counting, ones, new Random(4));
        AssertSameModel(plain, weighted, probe);

        using var plainTuned = (TransformerModel)family.FineTune(plain, Counting, new Random(6));
        using var weightedTuned = (TransformerModel)family.FineTune(plain, Counting, ones, new Random(6));
        AssertSameModel(plainTuned, weightedTuned, probe);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.7)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.0)]
    public void A_weighted_fit_learns_each_kind_of_document_in_proportion_to_its_weight(double shareOfA)
    {
        var family = new TransformerFamily(TinyTransformer.Settings, TinyTransformer.SourceVocabulary);

        using var model = (TransformerModel)family.Fit(TwoKinds, ShareOfKindA(shareOfA), new Random(3));

        // The optimum of the weighted cross-entropy is the weighted frequency of each continuation (fits land within
        // 0.01 of it); unweighted, the model would say 0.5 whatever the weights.
        Assert.InRange(Probability(model, KindA), shareOfA - 0.05, shareOfA + 0.05);
    }

    [Fact]
    public void A_weighted_fine_tune_moves_the_model_to_the_weighted_share_of_each_kind()
    {
        var family = new TransformerFamily(TinyTransformer.Settings with { FineTuneEpochs = 10, FineTuneLearningRate = 1e-2 }, TinyTransformer.SourceVocabulary);
        using var origin = (TransformerModel)family.Fit(TwoKinds, new Random(3));
        var before = Probability(origin, KindA);

        using var towardsA = (TransformerModel)family.FineTune(origin, TwoKinds, ShareOfKindA(0.9), new Random(5));
        using var towardsB = (TransformerModel)family.FineTune(origin, TwoKinds, ShareOfKindA(0.1), new Random(5));

        Assert.True(towardsA.Training.FineTuned);
        Assert.InRange(before, 0.4, 0.6);
        Assert.InRange(Probability(towardsA, KindA), 0.85, 0.95);
        Assert.InRange(Probability(towardsB, KindA), 0.05, 0.15);
        Assert.Equal(before, Probability(origin, KindA));
    }

    [Fact]
    public void A_weighted_fine_tune_releases_every_tensor_an_unweighted_one_does()
    {
        var family = new TransformerFamily(TinyTransformer.Settings with { Epochs = 1, FineTuneEpochs = 1 }, TinyTransformer.SourceVocabulary);
        using var origin = (TransformerModel)family.Fit(TwoKinds, new Random(3));
        var weights = ShareOfKindA(0.8);

        // A fresh network leaves a few handles its disposal does not count (see the generations test of the unweighted
        // path): the weighted loss must leave nothing beyond those.
        var unweighted = Leftover(() => family.FineTune(origin, TwoKinds, new Random(5)));
        var weighted = Leftover(() => family.FineTune(origin, TwoKinds, weights, new Random(5)));

        Assert.Equal(unweighted, weighted);
    }

    [Fact]
    public void Weights_for_another_number_of_documents_are_refused()
    {
        var family = new TransformerFamily(TinyTransformer.Settings with { Epochs = 1 }, TinyTransformer.SourceVocabulary);
        var weights = TrainingWeights.Of([1.0, 2.0], [12, 12]);

        Assert.Throws<ArgumentException>(() => family.Fit(Counting, weights, new Random(1)));
    }

    [Fact]
    public void Windows_carry_their_document_weight_on_every_predicted_target_and_zero_elsewhere()
    {
        var blocks = TrainingBlocks.From([[5, 6, 7], [.. Enumerable.Range(2, 12)]], 8, [0.5f, 2f]);

        Assert.NotNull(blocks.Weights);
        Assert.Equal(new float[] { 0.5f, 0.5f, 0.5f, 0, 0, 0, 0, 0 }, blocks.Weights[0]);
        for (var w = 0; w < blocks.Count; w++)
        {
            var weight = blocks.Owners[w] == 0 ? 0.5f : 2f;
            Assert.Equal(blocks.Targets[w].Select(t => t == TrainingBlocks.Ignore ? 0 : weight), blocks.Weights[w]);
        }

        Assert.Null(TrainingBlocks.From([[5, 6, 7]], 8).Weights);
    }

    [Fact]
    public void The_weighted_loss_sums_each_target_times_its_weight_over_the_predicted_targets()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        var hidden = torch.randn(6, 3);
        var embedding = torch.randn(5, 3);
        var logits = hidden.matmul(embedding.t());
        var target = torch.tensor(new long[] { 0, 3, TrainingBlocks.Ignore, 4, 1, TrainingBlocks.Ignore });
        var weights = new float[] { 2, 0.5f, 0, 1, 0, 0 };

        float Loss(torch.Tensor? weight)
        {
            var (safe, scale) = TransformerTrainer.LossTargets(target, weight, 4);
            return ChunkedOutputLoss.Compute(hidden, embedding, safe, scale).item<float>();
        }

        var unweighted = Loss(null);
        var ones = Loss(torch.tensor(new float[] { 1, 1, 0, 1, 1, 0 }));
        var weighted = Loss(torch.tensor(weights));

        var logProbabilities = torch.nn.functional.log_softmax(logits, 1).data<float>().ToArray();
        var expected = 0.0;
        var mean = 0.0;
        foreach (var (row, token) in new[] { (0, 0), (1, 3), (3, 4), (4, 1) })
        {
            expected -= weights[row] * logProbabilities[row * 5 + token];
            mean -= logProbabilities[row * 5 + token];
        }

        Assert.Equal(mean / 4, unweighted, 5);
        Assert.Equal(unweighted, ones, 5);
        Assert.Equal(expected / 4, weighted, 5);
    }

    /// <summary>Weights giving the "10 11" documents the share <paramref name="share"/> of all tokens.</summary>
    private static TrainingWeights ShareOfKindA(double share) =>
        TrainingWeights.Of([.. TwoKinds.Select(d => d.Tokens[1] == 11 ? share : 1 - share)], [.. TwoKinds.Select(d => d.Tokens.Length)]);

    private static long Leftover(Func<IGenerativeModel> fit)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = torch.Tensor.TotalCount;
        using (var model = (TransformerModel)fit())
        {
            _ = model.Score(KindA);
        }

        return torch.Tensor.TotalCount - before;
    }

    private static double Probability(TransformerModel model, DocumentContent document) => Math.Exp(model.Score(document).LogLikelihood);

    private static void AssertSameModel(TransformerModel expected, TransformerModel actual, IReadOnlyList<DocumentContent> probe)
    {
        Assert.Equal(expected.Training.EpochLosses, actual.Training.EpochLosses);
        Assert.Equal(expected.ScoreMany(probe), actual.ScoreMany(probe));
        using var scope = torch.NewDisposeScope();
        var parameters = actual.Network.state_dict();
        foreach (var (name, tensor) in expected.Network.state_dict())
        {
            Assert.True(tensor.equal(parameters[name]).all().item<bool>(), name);
        }
    }
}
