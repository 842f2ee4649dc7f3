namespace Ecosystem.Models;

/// <summary>What follows one context at one order: the follower tokens (ascending) with their (continuation) counts.</summary>
internal sealed class NGramContext(int[] followers, int[] counts, long total)
{
    public int[] Followers { get; } = followers;

    public int[] Counts { get; } = counts;

    /// <summary>Sum of the counts, c(h).</summary>
    public long Total { get; } = total;

    /// <summary>N1+(h •): the number of distinct followers.</summary>
    public int Distinct => Followers.Length;

    public int CountOf(int token)
    {
        var i = Array.BinarySearch(Followers, token);
        return i >= 0 ? Counts[i] : 0;
    }
}
