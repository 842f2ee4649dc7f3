using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Vendors;

/// <summary>A vendor's data policy applied to what it scraped: crawl budget, replace or accumulate,
/// kept original human data and fresh real data (the three loops of Alemohammad et al.). Scrape filters run between
/// the crawl and the rest of the policy.</summary>
public sealed class TrainingSetBuilder(TrainingSpec spec)
{
    private readonly List<Document> _accumulated = [];
    private readonly HashSet<string> _accumulatedIds = new(StringComparer.Ordinal);
    private IReadOnlyList<Document> _kept = [];

    /// <summary>Original human documents kept for every generation after the first.</summary>
    public IReadOnlyList<Document> Kept => _kept;

    /// <summary>What the crawler fetches of the documents new since the previous training: all of them, or a uniform
    /// sample of the crawl budget, in canonical order.</summary>
    public IReadOnlyList<Document> Crawl(IReadOnlyList<Document> scraped, Random random) =>
        spec.CrawlBudget is { } budget && budget < scraped.Count ? SampleWithoutReplacement(scraped, budget, random) : scraped;

    /// <summary>Builds generation <paramref name="generation"/>'s training set, in canonical order.</summary>
    /// <param name="generation">The generation being trained.</param>
    /// <param name="scrape">What was crawled (see <see cref="Crawl"/>) and passed the scrape filters, in canonical order.</param>
    /// <param name="fresh">Fresh real documents drawn for this generation.</param>
    /// <param name="random">The vendor's random stream for this training.</param>
    public IReadOnlyList<Document> Build(int generation, IReadOnlyList<Document> scrape, IReadOnlyList<Document> fresh, Random random)
    {
        IReadOnlyList<Document> basis = scrape;
        if (spec.Policy == DataPolicyKind.Accumulate)
        {
            foreach (var document in scrape)
            {
                if (_accumulatedIds.Add(document.Id))
                {
                    _accumulated.Add(document);
                }
            }

            basis = _accumulated;
        }

        if (generation == 0 && spec.KeepHumanFraction > 0)
        {
            var human = basis.Where(d => !d.Provenance.IsSynthetic).ToList();
            var keep = (int)Math.Round(spec.KeepHumanFraction * human.Count, MidpointRounding.AwayFromZero);
            _kept = SampleWithoutReplacement(human, keep, random);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Document>(basis.Count + _kept.Count + fresh.Count);
        foreach (var document in basis.Concat(_kept).Concat(fresh))
        {
            if (seen.Add(document.Id))
            {
                result.Add(document);
            }
        }

        result.Sort(DocumentOrder.Instance);
        return result;
    }

    /// <summary>A uniform sample of <paramref name="count"/> documents, returned in canonical order.</summary>
    public static IReadOnlyList<Document> SampleWithoutReplacement(IReadOnlyList<Document> documents, int count, Random random)
    {
        if (count >= documents.Count)
        {
            return documents;
        }

        var indices = Enumerable.Range(0, documents.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var picked = indices.AsSpan(0, count).ToArray();
        Array.Sort(picked);
        return picked.Select(i => documents[i]).ToList();
    }
}
