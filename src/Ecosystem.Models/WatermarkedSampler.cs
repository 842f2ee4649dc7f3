using System.Collections.Concurrent;
using Ecosystem.Watermarking;

namespace Ecosystem.Models;

/// <summary>Exact watermarked sampling from an interpolated Kneser-Ney model: q(w|h) = softmax(log P(w|h)/T + δ g_p(w)),
/// that is P(w|h)^(1/T) e^(δ g_p(w)) / Z, where g_p(w) = 1 when w is on the green list after the previous token p
/// (Kirchenbauer et al. 2023, the soft watermark).</summary>
/// <remarks>The bias is added to the tempered logits, so δ means the same at every temperature.
/// Derivation. Let N be the tempered node of context h (<see cref="TemperedSampler"/>), with followers S, weights
/// P_n(w|h)^(1/T) for w ∈ S and the weight Rest of everything else. When N's order is 2 or more its context ends with
/// p, so the green list is fixed by N and the key: the biased weights P_n(w|h)^(1/T) e^(δ g_p(w)) of S are computed
/// once per (context, key) and cached, like N itself. Outside S the biased weight is at most e^δ times the tempered
/// one, so e^δ Rest bounds the biased rest. Rejection sampling with that envelope is exact: draw u over
/// Seen_g + e^δ Rest; inside Seen_g return the follower; otherwise draw t from N's tempered rest (the existing back-off
/// draw) and accept it with probability e^(δ g_p(t)) / e^δ (always when green, e^-δ when red), else start over.
/// The accepted token has probability proportional to the biased weight. Expected rounds are
/// (Seen_g + e^δ Rest) / Z ≤ e^δ, close to 1 where the followers hold most of a context's mass. The exact biased rest
/// would need the green mass of the back-off distributions down to the unigram level, which depends on p: a pass over
/// the vocabulary per previous token, which the envelope avoids. When no context holding p was seen (N is the unigram
/// node), the whole tempered distribution is the proposal, with the same acceptance.</remarks>
internal sealed class WatermarkedSampler
{
    private readonly TemperedSampler _tempered;
    private readonly GreenListWatermark _watermark;
    private readonly double _boost;
    private readonly double _redAcceptance;
    private readonly ConcurrentDictionary<TemperedNode, double[]> _green = new(ReferenceEqualityComparer.Instance);

    public WatermarkedSampler(TemperedSampler tempered, GreenListWatermark watermark)
    {
        _tempered = tempered;
        _watermark = watermark;
        _boost = Math.Exp(watermark.Delta);
        _redAcceptance = 1 / _boost;
    }

    /// <summary>Draws the next token after <paramref name="context"/> (the last order-1 tokens, padded) whose last
    /// token is <paramref name="previous"/> (passed on its own because an order-1 model has no context).</summary>
    public int Draw(ReadOnlySpan<int> context, int previous, Random random)
    {
        var node = _tempered.Node(context);
        if (node.Order == 1)
        {
            while (true)
            {
                var token = _tempered.Draw(node, random);
                if (Accept(previous, token, random))
                {
                    return token;
                }
            }
        }

        var green = _green.TryGetValue(node, out var cached) ? cached : _green.GetOrAdd(node, Build(node, previous));
        var seen = green.Length == 0 ? 0 : green[^1];
        var envelope = seen + _boost * node.Rest;
        while (true)
        {
            var u = random.NextDouble() * envelope;
            if (u < seen)
            {
                return node.Followers[TemperedNode.IndexAt(green, u)];
            }

            var token = _tempered.DrawOutside(node, random);
            if (Accept(previous, token, random))
            {
                return token;
            }
        }
    }

    private bool Accept(int previous, int token, Random random) =>
        _watermark.IsGreen(previous, token) || random.NextDouble() < _redAcceptance;

    /// <summary>Running sums of P_n(w|h)^(1/T) e^(δ g_p(w)) over the node's followers.</summary>
    private double[] Build(TemperedNode node, int previous)
    {
        var cumulative = new double[node.Followers.Length];
        double sum = 0, below = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            var weight = node.Cumulative[i] - below;
            below = node.Cumulative[i];
            sum += _watermark.IsGreen(previous, node.Followers[i]) ? weight * _boost : weight;
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
