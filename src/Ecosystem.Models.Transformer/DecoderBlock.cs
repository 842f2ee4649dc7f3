using Ecosystem.Abstractions.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>A pre-norm transformer block: x + attention(norm(x)), then x + MLP(norm(x)) with a 4x GELU hidden layer.</summary>
internal sealed class DecoderBlock : nn.Module
{
    private readonly LayerNorm _attentionNorm;
    private readonly CausalSelfAttention _attention;
    private readonly LayerNorm _mlpNorm;
    private readonly Linear _expand;
    private readonly GELU _activation;
    private readonly Linear _contract;
    private readonly CounterDropout _mlpDropout;

    public DecoderBlock(TransformerSettings settings) : base(nameof(DecoderBlock))
    {
        _attentionNorm = nn.LayerNorm(settings.Width);
        _attention = new CausalSelfAttention(settings);
        _mlpNorm = nn.LayerNorm(settings.Width);
        _expand = nn.Linear(settings.Width, 4 * settings.Width);
        _activation = nn.GELU();
        _contract = nn.Linear(4 * settings.Width, settings.Width);
        _mlpDropout = new CounterDropout(settings.Dropout);
        RegisterComponents();
    }

    /// <summary>The two projections that write into the residual stream.</summary>
    public IEnumerable<Linear> ResidualProjections => [_attention.Projection, _contract];

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, LayerCache? cache)
    {
        x = x + _attention.Forward(_attentionNorm.forward(x), cos, sin, cache);
        return x + _mlpDropout.forward(_contract.forward(_activation.forward(_expand.forward(_mlpNorm.forward(x)))));
    }
}
