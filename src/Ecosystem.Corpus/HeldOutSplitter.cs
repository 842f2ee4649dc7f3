namespace Ecosystem.Corpus;

/// <summary>Chooses which source texts are held out, per genre, by a seeded stable hash of their ids.</summary>
/// <remarks>Whole source texts are held out, never single chunks, so that evaluation text is never a neighbour
/// of training text from the same article or story.</remarks>
public static class HeldOutSplitter
{
    private const string Purpose = "held-out";

    /// <summary>How many of a genre's <paramref name="sourceCount"/> texts are held out:
    /// round(<paramref name="fraction"/> × n), but at least 1 and at most n − 1 when n ≥ 2 and the fraction is positive,
    /// and none for a genre with a single text, so every genre keeps training text.</summary>
    public static int HeldOutCount(int sourceCount, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceCount);
        if (sourceCount < 2 || fraction <= 0)
        {
            return 0;
        }

        var rounded = (int)Math.Round(fraction * sourceCount, MidpointRounding.AwayFromZero);
        return Math.Clamp(rounded, 1, sourceCount - 1);
    }

    /// <summary>The ids of the held-out source texts.</summary>
    public static IReadOnlySet<string> SelectHeldOut(IEnumerable<SourceText> sources, double fraction, long seed)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var genre in sources.GroupBy(s => s.Genre, StringComparer.Ordinal))
        {
            var ids = genre.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToArray();
            var count = HeldOutCount(ids.Length, fraction);
            heldOut.UnionWith(ids
                .OrderBy(id => StableHash.Of(seed, Purpose, id))
                .ThenBy(id => id, StringComparer.Ordinal)
                .Take(count));
        }

        return heldOut;
    }
}
