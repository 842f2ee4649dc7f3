namespace Ecosystem.Benchmarks.Transformer;

/// <summary>Floating-point operations of the benchmark decoder per token, counted from its shape (the convention of
/// Kaplan et al. 2020 and PaLM's model FLOPs utilization): 2 per weight of a matrix product per token forward, the tied
/// output layer included; attention's score and value products at 2·keys·width each per layer, the causal mask not
/// halving them; a backward pass twice the forward. Biases, norms, activations, softmax and the embedding look-up are
/// not counted.</summary>
public static class ModelFlops
{
    /// <summary>Weights that enter matrix products: per block the query/key/value (3w²), attention output (w²) and MLP
    /// (4w² + 4w²) matrices, and the output layer tied to the embedding (vocabulary·w).</summary>
    public static double MatmulWeights(TransformerShape shape, int vocabulary) =>
        BlockWeights(shape) * shape.Layers + (double)vocabulary * shape.Width;

    /// <summary>Attention's own products for one query attending to <paramref name="keys"/> positions in every layer:
    /// scores q·kᵀ and the weighted sum of values, 2·keys·width each.</summary>
    public static double Attention(TransformerShape shape, int keys) => 4.0 * shape.Layers * shape.Width * keys;

    /// <summary>One token's forward pass attending to <paramref name="keys"/> positions.</summary>
    public static double Forward(TransformerShape shape, int vocabulary, int keys) =>
        2 * MatmulWeights(shape, vocabulary) + Attention(shape, keys);

    /// <summary>One training token: forward, then backward at twice the forward (gradients of inputs and of weights),
    /// over a full context window.</summary>
    public static double TrainingPerToken(TransformerShape shape, int vocabulary) => 3 * Forward(shape, vocabulary, shape.Context);

    /// <summary>One scored token: a forward pass over a full context window.</summary>
    public static double ScoringPerToken(TransformerShape shape, int vocabulary) => Forward(shape, vocabulary, shape.Context);

    /// <summary>One generated token, averaged over a run that feeds a prompt of <paramref name="promptLength"/> tokens
    /// (the newest context window of it) once, takes the next token's logits only, then feeds each sampled token
    /// alone against the sliding key/value cache: <paramref name="generated"/> tokens come from one prompt pass and
    /// generated − 1 one-token steps.</summary>
    public static double GenerationPerToken(TransformerShape shape, int vocabulary, int promptLength, int generated)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generated);
        var body = 2 * BlockWeights(shape) * shape.Layers;
        var output = 2.0 * vocabulary * shape.Width;
        var window = Math.Min(promptLength, shape.Context);
        var total = window * (body + Attention(shape, window)) + output;
        for (var step = 1; step < generated; step++)
        {
            total += body + output + Attention(shape, Math.Min(shape.Context, window + step));
        }

        return total / generated;
    }

    private static double BlockWeights(TransformerShape shape) => 12.0 * shape.Width * shape.Width;
}
