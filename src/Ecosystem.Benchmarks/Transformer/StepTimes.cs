namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Mean seconds of the phases of one training step, and of two parts of the model timed on their own at the
/// step's shapes.</summary>
/// <param name="Forward">Forward pass and loss.</param>
/// <param name="Backward">Zeroing the gradients and the backward pass.</param>
/// <param name="Clip">Global gradient-norm clipping.</param>
/// <param name="Optimizer">The AdamW step.</param>
/// <param name="OutputLayer">The tied output layer and the cross-entropy, forward and backward, on their own, chunked as
/// the model computes them.</param>
/// <param name="PlainOutputLayer">The same with libtorch's cross-entropy over the whole batch's logits.</param>
/// <param name="Attention">Scaled dot-product attention of every layer (without its projections), forward and
/// backward, on its own.</param>
public sealed record StepTimes(double Forward, double Backward, double Clip, double Optimizer, double OutputLayer, double PlainOutputLayer, double Attention)
{
    /// <summary>The whole step.</summary>
    public double Step => Forward + Backward + Clip + Optimizer;
}
