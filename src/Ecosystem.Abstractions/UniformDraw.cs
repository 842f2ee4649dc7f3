namespace Ecosystem.Abstractions;

/// <summary>Uniform draws without replacement by a partial Fisher-Yates shuffle: each draw consumes exactly
/// <c>count</c> numbers of its generator, so a draw is reproduced exactly from the same seed.</summary>
public static class UniformDraw
{
    /// <summary><paramref name="count"/> distinct positions of 0..<paramref name="population"/>-1, in the order drawn.</summary>
    public static int[] Positions(int population, int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, population);
        var positions = new int[population];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, positions.Length);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }

        return positions[..count];
    }

    /// <summary>All of <paramref name="items"/> when <paramref name="count"/> is not smaller than their number, else a
    /// uniform sample of <paramref name="count"/> of them, in their original order.</summary>
    public static IReadOnlyList<T> InOrder<T>(IReadOnlyList<T> items, int count, Random random)
    {
        if (count >= items.Count)
        {
            return items;
        }

        var picked = Positions(items.Count, count, random);
        Array.Sort(picked);
        return Array.ConvertAll(picked, i => items[i]);
    }
}
