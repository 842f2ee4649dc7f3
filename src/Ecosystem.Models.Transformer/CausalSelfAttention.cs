using Ecosystem.Abstractions.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Multi-head causal self-attention with rotary positions and an optional sliding key/value cache.</summary>
internal sealed class CausalSelfAttention : nn.Module
{
    private readonly Linear _queryKeyValue;
    private readonly Linear _projection;
    private readonly CounterDropout _residualDropout;
    private readonly int _heads;
    private readonly int _width;
    private readonly int _context;
    private readonly double _attentionDropout;

    public CausalSelfAttention(TransformerSettings settings) : base(nameof(CausalSelfAttention))
    {
        _heads = settings.Heads;
        _width = settings.Width;
        _context = settings.Context;
        _attentionDropout = settings.AttentionDropout;
        _queryKeyValue = nn.Linear(_width, 3 * _width);
        _projection = nn.Linear(_width, _width);
        _residualDropout = new CounterDropout(settings.Dropout);
        RegisterComponents();
    }

    /// <summary>The output projection, whose initial scale shrinks with depth (GPT-2's residual scaling).</summary>
    public Linear Projection => _projection;

    /// <summary>x: [batch, time, width]. Without a cache the attention is causal over the block; with one, the new
    /// positions attend to the cached window as well.</summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, LayerCache? cache)
    {
        var batch = x.shape[0];
        var time = x.shape[1];
        var headSize = _width / _heads;
        var qkv = _queryKeyValue.forward(x).view(batch, time, 3, _heads, headSize).permute(2, 0, 3, 1, 4);
        var query = RotaryEmbedding.Apply(qkv[0], cos, sin);
        var key = RotaryEmbedding.Apply(qkv[1], cos, sin);
        var value = qkv[2];
        if (cache is not null)
        {
            (key, value) = cache.Append(key, value, _context);
        }

        // A block of several new positions is causal among itself; a single new position sees its whole window.
        var dropout = training ? _attentionDropout : 0;
        var attended = nn.functional.scaled_dot_product_attention(query, key, value, p: dropout, is_casual: time > 1);
        var merged = attended.transpose(1, 2).contiguous().view(batch, time, _width);
        return _residualDropout.forward(_projection.forward(merged));
    }
}
