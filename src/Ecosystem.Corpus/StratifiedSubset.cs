namespace Ecosystem.Corpus;

/// <summary>Picks a smaller set of documents that keeps each genre's share, for small test scenarios.</summary>
public static class StratifiedSubset
{
    private const string Purpose = "subset";

    /// <summary>Documents per genre for a subset of about <paramref name="maxDocuments"/>: proportional shares by the
    /// largest-remainder method, at least 1 per genre (so the total exceeds the maximum only when there are more
    /// genres than <paramref name="maxDocuments"/>), never more than a genre has.</summary>
    public static IReadOnlyDictionary<string, int> Quotas(IReadOnlyDictionary<string, int> countsPerGenre, int maxDocuments)
    {
        ArgumentNullException.ThrowIfNull(countsPerGenre);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocuments, 1);
        var genres = countsPerGenre.Where(g => g.Value > 0).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var total = genres.Sum(g => (long)g.Value);
        if (maxDocuments >= total)
        {
            return genres.ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        }

        // Integer arithmetic keeps the shares exact, so no platform rounding difference can change them.
        var quotas = genres.ToDictionary(g => g.Key, g => (int)(maxDocuments * (long)g.Value / total), StringComparer.Ordinal);
        var leftOver = maxDocuments - quotas.Values.Sum();
        foreach (var genre in genres
            .OrderByDescending(g => maxDocuments * (long)g.Value % total)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(leftOver))
        {
            quotas[genre.Key]++;
        }

        foreach (var genre in genres.Where(g => quotas[g.Key] == 0))
        {
            quotas[genre.Key] = 1;
        }

        // Raising empty genres to 1 overshoots; take the excess back from the largest shares.
        var excess = quotas.Values.Sum() - maxDocuments;
        while (excess > 0)
        {
            var largest = quotas.Where(q => q.Value > 1)
                .OrderByDescending(q => q.Value)
                .ThenBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => q.Key)
                .FirstOrDefault();
            if (largest is null)
            {
                break;
            }

            quotas[largest]--;
            excess--;
        }

        return quotas;
    }

    /// <summary>A seeded, genre-stratified subset of <paramref name="documents"/> in canonical order (genre, id).</summary>
    public static IReadOnlyList<HumanTextDocument> Select(IReadOnlyList<HumanTextDocument> documents, int maxDocuments, long seed)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var byGenre = documents.GroupBy(d => d.Genre, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var quotas = Quotas(byGenre.ToDictionary(g => g.Key, g => g.Value.Length, StringComparer.Ordinal), maxDocuments);
        return byGenre
            .SelectMany(g => g.Value
                .OrderBy(d => StableHash.Of(seed, Purpose, d.Id))
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Take(quotas[g.Key]))
            .OrderBy(d => d.Genre, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
