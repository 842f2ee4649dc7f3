namespace Ecosystem.Models;

/// <summary>One context of an n-gram model at one order, tempered: P_n(w|h)^(1/T) for its followers S as a cumulative
/// table, and the weight of everything else, Σ_{w∉S} P_n(w|h)^(1/T) = λ_n^(1/T) Σ_{w∉S} P_{n-1}(w|h')^(1/T).</summary>
internal sealed class TemperedNode(int order, int[] context, int[] followers, double[] cumulative, double rest, TemperedNode? parent)
{
    /// <summary>The order n of this level.</summary>
    public int Order { get; } = order;

    /// <summary>The context h, its last n-1 tokens, kept for the exact fallback scan.</summary>
    public int[] Context { get; } = context;

    /// <summary>S: the tokens seen after h at this order, ascending.</summary>
    public int[] Followers { get; } = followers;

    /// <summary>Running sums of P_n(w|h)^(1/T) over <see cref="Followers"/>.</summary>
    public double[] Cumulative { get; } = cumulative;

    /// <summary>Σ_{w∈S} P_n(w|h)^(1/T).</summary>
    public double Seen { get; } = cumulative.Length == 0 ? 0 : cumulative[^1];

    /// <summary>Σ_{w∉S} P_n(w|h)^(1/T).</summary>
    public double Rest { get; } = rest;

    /// <summary>Z_T(h) = Σ_w P_n(w|h)^(1/T).</summary>
    public double Total => Seen + Rest;

    /// <summary>The next lower order with a seen context (null at the unigram level, whose rest is the uniform part).</summary>
    public TemperedNode? Parent { get; } = parent;

    public bool Contains(int token) => Array.BinarySearch(Followers, token) >= 0;

    /// <summary>The follower whose cumulative interval holds <paramref name="u"/> (0 ≤ u &lt; <see cref="Seen"/>).</summary>
    public int FollowerAt(double u) => Followers[IndexAt(Cumulative, u)];

    /// <summary>The first index i with <paramref name="cumulative"/>[i] &gt; <paramref name="u"/> (binary search over running
    /// sums; the last index when u is not below the total).</summary>
    public static int IndexAt(double[] cumulative, double u) => IndexAt(cumulative.AsSpan(), u);

    /// <summary><see cref="IndexAt(double[], double)"/> over a slice, such as one context's running sums in a weighted
    /// <see cref="NGramTable"/>.</summary>
    public static int IndexAt(ReadOnlySpan<double> cumulative, double u)
    {
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cumulative[middle] > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
