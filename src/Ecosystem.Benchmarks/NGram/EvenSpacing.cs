namespace Ecosystem.Benchmarks.NGram;

/// <summary>Picks items evenly spaced over a list. The corpus is in canonical order (genre, then source text), so an
/// evenly spaced subset keeps the genres in proportion.</summary>
public static class EvenSpacing
{
    /// <summary><paramref name="count"/> items at positions ⌊i·n/count⌋ (all items when count ≥ n).</summary>
    public static IReadOnlyList<T> Take<T>(IReadOnlyList<T> items, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= items.Count)
        {
            return items;
        }

        return Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]).ToList();
    }
}
