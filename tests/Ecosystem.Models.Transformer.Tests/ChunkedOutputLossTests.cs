using Ecosystem.Models.Transformer;
using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class ChunkedOutputLossTests
{
    // 300 rows: two whole chunks and a partial one.
    private const int Rows = 2 * ChunkedOutputLoss.ChunkRows + 44;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loss_and_both_gradients_equal_the_plain_output_layer_and_cross_entropy(bool weighted)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var (hidden, embedding, target, weight) = Inputs(weighted, vocabulary: 50, width: 8);
        var predicted = target.ne(TrainingBlocks.Ignore).sum().item<long>();

        var plainHidden = hidden.detach().clone().requires_grad_();
        var plainEmbedding = embedding.detach().clone().requires_grad_();
        var perTarget = nn.functional.cross_entropy(plainHidden.matmul(plainEmbedding.t()), target, ignore_index: TrainingBlocks.Ignore, reduction: nn.Reduction.None);
        var plain = (weight is null ? perTarget : perTarget.mul(weight)).sum().div(predicted);
        // An upstream gradient other than 1 checks that the backward pass scales the kept gradients.
        plain.mul(3).backward();

        var (safe, scale) = TransformerTrainer.LossTargets(target, weight, predicted);
        var chunked = ChunkedOutputLoss.Compute(hidden, embedding, safe, scale);
        chunked.mul(3).backward();

        Assert.Equal(plain.item<float>(), chunked.item<float>(), 5);
        AssertClose(plainHidden.grad!, hidden.grad!);
        AssertClose(plainEmbedding.grad!, embedding.grad!);
    }

    [Fact]
    public void A_tied_weight_gets_the_output_layers_gradient_added_to_the_embedding_look_ups()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(6);
        var embedding = (torch.randn(40, 6) * 0.1).requires_grad_();
        var tokens = torch.randint(0, 40, [Rows], dtype: ScalarType.Int64);
        var target = torch.randint(0, 40, [Rows], dtype: ScalarType.Int64);
        var scale = torch.full([Rows], 1.0f / Rows);

        var plainEmbedding = embedding.detach().clone().requires_grad_();
        nn.functional.cross_entropy(plainEmbedding.index_select(0, tokens).tanh().matmul(plainEmbedding.t()), target).backward();
        ChunkedOutputLoss.Compute(embedding.index_select(0, tokens).tanh(), embedding, target, scale).backward();

        AssertClose(plainEmbedding.grad!, embedding.grad!);
    }

    [Fact]
    public void Without_gradients_it_gives_the_loss_alone()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var (hidden, embedding, target, _) = Inputs(false, vocabulary: 30, width: 4);
        using var noGrad = torch.no_grad();
        var (safe, scale) = TransformerTrainer.LossTargets(target, null, target.ne(TrainingBlocks.Ignore).sum().item<long>());

        var loss = ChunkedOutputLoss.Compute(hidden, embedding, safe, scale);

        Assert.False(loss.requires_grad);
        Assert.Equal(nn.functional.cross_entropy(hidden.matmul(embedding.t()), target, ignore_index: TrainingBlocks.Ignore).item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void Scoring_in_chunks_gives_the_log_softmax_of_the_whole_batch_without_the_excluded_id()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(8);
        using var model = new GptDecoder(TinyTransformer.Settings, 30);
        model.eval();
        using var noGrad = torch.no_grad();
        // 40 windows of 8: 320 rows, two whole chunks and a partial one.
        var tokens = torch.randint(0, 30, [40, TinyTransformer.Settings.Context], dtype: ScalarType.Int64);
        var targets = torch.randint(2, 30, [40, TinyTransformer.Settings.Context], dtype: ScalarType.Int64);

        var chunked = model.TargetLogProbabilities(tokens, targets, excluded: 1);

        var logits = model.forward(tokens);
        logits.narrow(-1, 1, 1).fill_(float.NegativeInfinity);
        var expected = nn.functional.log_softmax(logits, -1).gather(2, targets.unsqueeze(2)).squeeze(2);
        Assert.Equal(expected.shape, chunked.shape);
        AssertClose(expected, chunked);
    }

    private static (Tensor Hidden, Tensor Embedding, Tensor Target, Tensor? Weight) Inputs(bool weighted, int vocabulary, int width)
    {
        var hidden = torch.randn(Rows, width).requires_grad_();
        var embedding = torch.randn(vocabulary, width).requires_grad_();
        var target = torch.randint(0, vocabulary, [Rows], dtype: ScalarType.Int64);
        var ignored = torch.rand(Rows).lt(0.2);
        target = target.masked_fill(ignored, TrainingBlocks.Ignore);
        var weight = weighted ? torch.rand(Rows).mul(2).masked_fill(ignored, 0) : null;
        return (hidden, embedding, target, weight);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var largest = expected.abs().max().item<float>();
        var difference = expected.sub(actual).abs().max().item<float>();
        Assert.True(difference <= 1e-5 * Math.Max(1, largest), $"largest difference {difference} against largest value {largest}");
    }
}
