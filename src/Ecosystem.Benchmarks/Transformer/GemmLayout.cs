namespace Ecosystem.Benchmarks.Transformer;

/// <summary>How a matrix product's operands lie in memory, as the decoder's own products have them.</summary>
public enum GemmLayout
{
    /// <summary>Both row-major: an input gradient, dY · W.</summary>
    NN,

    /// <summary>Right operand transposed: a linear layer's forward pass, X · Wᵀ with W stored [out, in].</summary>
    NT,

    /// <summary>Left operand transposed: a weight gradient, dYᵀ · X.</summary>
    TN,
}
