using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Ecosystem.Models.Transformer;

/// <summary>The tied output layer and its cross-entropy as one autograd function that works through the batch in
/// chunks of rows, so the logits of the whole batch never exist at once.</summary>
/// <remarks>
/// At a vocabulary of 8,192 a 32 × 64 batch has 16.8M logits (67 MB): the plain path writes them, reads them back for
/// the softmax, writes the log-probabilities, builds a gradient of the same size and reads it twice for the two
/// products, each pass a trip to main memory; that made the layer two thirds of a training step. Here each chunk's
/// logits (rows × vocabulary, a few MB) stay in cache while they are turned, in place, into the loss and into its
/// gradient (scale × (softmax − one-hot)), and both products of the backward pass are taken right away; the forward
/// pass returns the loss and keeps only the two gradients, which the backward pass scales by the upstream gradient.
/// This is the fused linear cross-entropy of large-vocabulary training, written with libtorch's own operations.
/// </remarks>
internal sealed class ChunkedOutputLoss : SingleTensorFunction<ChunkedOutputLoss>
{
    /// <summary>Rows per chunk: 128 × 8,192 floats is 4 MB, which stays in the cache of a server core.</summary>
    public const int ChunkRows = 128;

    public override string Name => nameof(ChunkedOutputLoss);

    /// <summary>The loss Σ scale[i] · CE(hidden[i] · weightᵀ, target[i]).</summary>
    /// <param name="hidden">[rows, width], the final norm's output.</param>
    /// <param name="weight">[vocabulary, width], the tied embedding.</param>
    /// <param name="target">[rows] int64 targets; rows whose scale is 0 may hold any valid id.</param>
    /// <param name="scale">[rows] float: how much each row counts (0 for ignored rows).</param>
    public static Tensor Compute(Tensor hidden, Tensor weight, Tensor target, Tensor scale) => apply(hidden, weight, target, scale);

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var hidden = (Tensor)vars[0];
        var weight = (Tensor)vars[1];
        var target = (Tensor)vars[2];
        var scale = (Tensor)vars[3];
        var rows = hidden.shape[0];
        var gradHidden = zeros_like(hidden);
        var gradWeight = zeros_like(weight);
        var loss = zeros(1, dtype: hidden.dtype, device: hidden.device);
        var weightT = weight.t();
        for (long start = 0; start < rows; start += ChunkRows)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(ChunkRows, rows - start);
            var h = hidden.narrow(0, start, count);
            var t = target.narrow(0, start, count).unsqueeze(1);
            var s = scale.narrow(0, start, count).unsqueeze(1);
            var logits = h.mm(weightT);
            var targetLogit = logits.gather(1, t);
            var max = logits.amax([1], keepdim: true);
            logits.sub_(max).exp_();
            var sum = logits.sum(1, keepdim: true);

            // Per row: log Σ exp(z) − z_target, computed from the shifted logits to stay finite.
            loss.add_(sum.log().add_(max).sub_(targetLogit).mul_(s).sum());

            // d loss / d logits = scale · (softmax − one-hot), made in the chunk's own storage.
            logits.mul_(s.div(sum));
            logits.scatter_add_(1, t, s.neg());
            gradHidden.narrow(0, start, count).addmm_(logits, weight, beta: 0);
            gradWeight.addmm_(logits.t(), h);
        }

        ctx.save_for_backward([gradHidden, gradWeight]);
        return loss.squeeze();
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        return [saved[0].mul(grad_output), saved[1].mul(grad_output), null!, null!];
    }
}
