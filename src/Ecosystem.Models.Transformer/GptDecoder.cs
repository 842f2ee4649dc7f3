using Ecosystem.Abstractions.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>A small GPT-style decoder (after Radford et al. 2019 and nanoGPT): token embedding, pre-norm blocks with
/// rotary attention, a final norm, and an output layer tied to the embedding.</summary>
internal sealed class GptDecoder : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _tokens;
    private readonly ModuleList<DecoderBlock> _blocks;
    private readonly LayerNorm _finalNorm;
    private readonly CounterDropout _embeddingDropout;
    private readonly int _headSize;

    public GptDecoder(TransformerSettings settings, int vocabularySize) : base(nameof(GptDecoder))
    {
        Settings = settings;
        VocabularySize = vocabularySize;
        _headSize = settings.Width / settings.Heads;
        _tokens = nn.Embedding(vocabularySize, settings.Width);
        _blocks = nn.ModuleList(Enumerable.Range(0, settings.Layers).Select(_ => new DecoderBlock(settings)).ToArray());
        _finalNorm = nn.LayerNorm(settings.Width);
        _embeddingDropout = new CounterDropout(settings.Dropout);
        RegisterComponents();
        Initialise();
    }

    public TransformerSettings Settings { get; }

    public int VocabularySize { get; }

    /// <summary>Logits [batch, time, vocabulary] for tokens [batch, time] at positions 0 .. time - 1 (training, scoring).</summary>
    public override Tensor forward(Tensor tokens) => Logits(Hidden(tokens, 0, null));

    /// <summary>The training loss for tokens [batch, time]: Σ scale · cross-entropy over the targets [batch, time]
    /// (any valid id where the scale is 0), through the chunked output layer.</summary>
    public Tensor Loss(Tensor tokens, Tensor target, Tensor scale)
    {
        var hidden = Hidden(tokens, 0, null);
        return ChunkedOutputLoss.Compute(hidden.view(-1, Settings.Width), _tokens.weight!, target.view(-1), scale.view(-1));
    }

    /// <summary>log p(target) [batch, time] of each target (clamped to a valid id by the caller where it is ignored)
    /// given tokens [batch, time], with <paramref name="excluded"/> given probability 0; the logits are made a chunk of
    /// rows at a time, as in training, so the whole batch's never exist at once.</summary>
    public Tensor TargetLogProbabilities(Tensor tokens, Tensor targets, long excluded)
    {
        var hidden = Hidden(tokens, 0, null).view(-1, Settings.Width);
        var rows = hidden.shape[0];
        var column = targets.reshape(-1, 1);
        var result = torch.empty(rows, dtype: hidden.dtype, device: hidden.device);
        var weightT = _tokens.weight!.t();
        for (long start = 0; start < rows; start += ChunkedOutputLoss.ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(ChunkedOutputLoss.ChunkRows, rows - start);
            var logits = hidden.narrow(0, start, count).mm(weightT);
            logits.narrow(1, excluded, 1).fill_(float.NegativeInfinity);
            var normaliser = logits.logsumexp(1, keepdim: true);
            result.narrow(0, start, count).copy_(logits.gather(1, column.narrow(0, start, count)).sub_(normaliser).squeeze(1));
        }

        return result.view(targets.shape);
    }

    /// <summary>Feeds new tokens [batch, time] at positions start .. start + time - 1 through the cached layers and
    /// returns the logits of the last position only, [batch, vocabulary].</summary>
    public Tensor Step(Tensor tokens, long start, IReadOnlyList<LayerCache> caches)
    {
        var hidden = Hidden(tokens, start, caches);
        return Logits(hidden.select(1, hidden.shape[1] - 1));
    }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    private Tensor Hidden(Tensor tokens, long start, IReadOnlyList<LayerCache>? caches)
    {
        var (cos, sin) = RotaryEmbedding.Angles(start, tokens.shape[1], _headSize, tokens.device);
        var x = _embeddingDropout.forward(_tokens.forward(tokens));
        for (var i = 0; i < _blocks.Count; i++)
        {
            x = _blocks[i].Forward(x, cos, sin, caches?[i]);
        }

        return _finalNorm.forward(x);
    }

    // Weight tying (Press and Wolf 2017): the output layer is the transposed token embedding.
    private Tensor Logits(Tensor hidden) => hidden.matmul(_tokens.weight!.t());

    private void Initialise()
    {
        using var _ = torch.no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                nn.init.zeros_(parameter);
            }
            else if (parameter.dim() == 2)
            {
                nn.init.normal_(parameter, 0, 0.02);
            }
        }

        var residualStd = 0.02 / Math.Sqrt(2.0 * Settings.Layers);
        foreach (var block in _blocks)
        {
            foreach (var projection in block.ResidualProjections)
            {
                nn.init.normal_(projection.weight!, 0, residualStd);
            }
        }
    }
}
