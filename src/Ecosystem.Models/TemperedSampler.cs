using System.Collections.Concurrent;

namespace Ecosystem.Models;

/// <summary>Exact sampling from an interpolated Kneser-Ney model raised to 1/T, p(w|h)^(1/T)/Z_T(h), without a pass over
/// the vocabulary per token.</summary>
/// <remarks>The interpolation is linear: for w outside the followers S of h, P_n(w|h) = λ_n P_{n-1}(w|h'). So the
/// tempered distribution of h splits into S, weighed one by one, and the rest, of total weight
/// λ_n^(1/T) (Z_T(h') - Σ_{w∈S} P_{n-1}(w|h')^(1/T)), which is the tempered distribution of h' with S removed: drawn
/// from h' (recursively) rejecting S. At the unigram level the rest is uniform over the tokens never seen in training.
/// Each context's table is built once per temperature and cached, so its cost is paid once however often it is visited;
/// a draw rejected <see cref="MaxRejections"/> times falls back to an exact scan of the vocabulary.</remarks>
internal sealed class TemperedSampler
{
    /// <summary>Rejections before the exact scan: the scan costs about as much as a thousand draws.</summary>
    public const int MaxRejections = 1000;

    private readonly NGramModel _model;
    private readonly int _maxRejections;
    private readonly double _inverse;
    private readonly int[] _unseen;
    private readonly ConcurrentDictionary<long, TemperedNode>[] _nodes;

    /// <summary>A sampler for <paramref name="model"/> at <paramref name="temperature"/>; <paramref name="maxRejections"/>
    /// is lowered only by tests, to force the exact fallback.</summary>
    public TemperedSampler(NGramModel model, double temperature, int maxRejections = MaxRejections)
    {
        _model = model;
        _maxRejections = maxRejections;
        _inverse = 1 / temperature;
        var unigrams = model.Table(1);
        var seen = unigrams.TryGet(0, out var entry) ? unigrams.Followers(entry).ToArray() : [];
        _unseen = Enumerable.Range(0, model.VocabularySize).Where(w => Array.BinarySearch(seen, w) < 0).ToArray();
        _nodes = Enumerable.Range(0, model.Order).Select(_ => new ConcurrentDictionary<long, TemperedNode>()).ToArray();
    }

    /// <summary>Draws the next token after <paramref name="context"/> (the last order-1 tokens, padded).</summary>
    public int Draw(ReadOnlySpan<int> context, Random random) => Draw(Node(context), random);

    /// <summary>The node that holds the tempered distribution after <paramref name="context"/>: the highest order whose
    /// context was seen in training.</summary>
    public TemperedNode Node(ReadOnlySpan<int> context) => NodeFor(context, _model.Order);

    /// <summary>Draws from the tempered distribution of <paramref name="node"/>.</summary>
    public int Draw(TemperedNode node, Random random)
    {
        var u = random.NextDouble() * node.Total;
        return u < node.Seen ? node.FollowerAt(u) : DrawOutside(node, random);
    }

    /// <summary>Draws from the tempered distribution of <paramref name="node"/> restricted to the tokens outside its
    /// followers (total weight <see cref="TemperedNode.Rest"/>).</summary>
    public int DrawOutside(TemperedNode node, Random random)
    {
        if (node.Parent is null)
        {
            return _unseen.Length > 0 ? _unseen[random.Next(_unseen.Length)] : node.Followers[^1];
        }

        for (var attempt = 0; attempt < _maxRejections; attempt++)
        {
            var token = Draw(node.Parent, random);
            if (!node.Contains(token))
            {
                return token;
            }
        }

        return DrawOutsideByScan(node, random);
    }

    /// <summary>The node of the highest order m ≤ <paramref name="maxOrder"/> whose context (last m-1 tokens) was seen.</summary>
    private TemperedNode NodeFor(ReadOnlySpan<int> context, int maxOrder)
    {
        for (var n = maxOrder; n >= 2; n--)
        {
            var suffix = context[^(n - 1)..];
            var key = NGramCounter.Pack(suffix);
            if (_nodes[n - 1].TryGetValue(key, out var node))
            {
                return node;
            }

            if (_model.Table(n).TryGet(key, out var entry))
            {
                return _nodes[n - 1].GetOrAdd(key, Build(n, suffix, entry));
            }
        }

        return _nodes[0].TryGetValue(0, out var unigram) ? unigram : _nodes[0].GetOrAdd(0, BuildUnigram());
    }

    private TemperedNode Build(int order, ReadOnlySpan<int> context, NGramContext entry)
    {
        var parent = NodeFor(context, order - 1);
        var table = _model.Table(order);
        var followers = table.Followers(entry).ToArray();
        var discount = _model.Discount;
        var lambda = table.BackOffMass(entry, discount) / entry.Total;
        // Discounted counts go into the running sums' own array, each read just before its sum replaces it: one
        // allocation per context instead of two.
        var cumulative = new double[followers.Length];
        table.DiscountedCounts(entry, discount, cumulative);
        double sum = 0, parentWeight = 0;
        for (var i = 0; i < followers.Length; i++)
        {
            var lower = _model.Probability(context, followers[i], order - 1);
            sum += Math.Pow(cumulative[i] / entry.Total + lambda * lower, _inverse);
            cumulative[i] = sum;
            parentWeight += Math.Pow(lower, _inverse);
        }

        // Clamped: when S holds nearly all of the parent's mass the difference is rounding noise around zero.
        var rest = Math.Pow(lambda, _inverse) * Math.Max(parent.Total - parentWeight, 0);
        return new TemperedNode(order, context.ToArray(), followers, cumulative, rest, parent);
    }

    private TemperedNode BuildUnigram()
    {
        var table = _model.Table(1);
        int[] followers = table.TryGet(0, out var entry) ? table.Followers(entry).ToArray() : [];
        var cumulative = new double[followers.Length];
        double sum = 0;
        for (var i = 0; i < followers.Length; i++)
        {
            sum += Math.Pow(_model.Unigram(followers[i]), _inverse);
            cumulative[i] = sum;
        }

        // Every unseen token has the same P_1(w) = λ_1 / V.
        var rest = _unseen.Length * Math.Pow(_model.UnigramBackOff / _model.VocabularySize, _inverse);
        return new TemperedNode(1, [], followers, cumulative, rest, null);
    }

    /// <summary>The exact fallback: a draw from the tokens outside the node's followers by one pass over the vocabulary.</summary>
    private int DrawOutsideByScan(TemperedNode node, Random random)
    {
        var weights = new double[_model.VocabularySize];
        double total = 0;
        for (var w = 0; w < weights.Length; w++)
        {
            if (!node.Contains(w))
            {
                weights[w] = Math.Pow(_model.Probability(node.Context, w, node.Order - 1), _inverse);
                total += weights[w];
            }
        }

        var u = random.NextDouble() * total;
        double cumulative = 0;
        var last = 0;
        for (var w = 0; w < weights.Length; w++)
        {
            if (weights[w] > 0)
            {
                cumulative += weights[w];
                last = w;
                if (u < cumulative)
                {
                    return w;
                }
            }
        }

        return last;
    }
}
