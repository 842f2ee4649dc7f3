using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;
using Ecosystem.Grains.Corpus;
using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Vendors;

/// <summary>A vendor's data policy applied to what it scraped: crawl budget, replace or accumulate,
/// kept original human data and fresh real data (the three loops of Alemohammad et al.). Scrape filters run between
/// the crawl and the rest of the policy. The policy is passed with each call, since it may change during a run; what was
/// accumulated and kept stays.</summary>
public sealed class TrainingSetBuilder
{
    private readonly List<Document> _accumulated = [];
    private readonly HashSet<string> _accumulatedIds = new(StringComparer.Ordinal);
    private IReadOnlyList<Document> _kept = [];
    private IReadOnlyList<Document> _generationZeroHuman = [];
    private double _keptFraction;

    /// <summary>Original human documents kept for every generation after the first.</summary>
    public IReadOnlyList<Document> Kept => _kept;

    /// <summary>Everything accumulated so far, in the order it was added.</summary>
    public IReadOnlyList<Document> Accumulated => _accumulated;

    /// <summary>Generation 0's human training data, from which the kept share is drawn.</summary>
    public IReadOnlyList<Document> GenerationZeroHuman => _generationZeroHuman;

    /// <summary>The share of generation 0's human data <see cref="Kept"/> was drawn for.</summary>
    public double KeptFraction => _keptFraction;

    /// <summary>Replays a saved change: appends to what was accumulated and replaces the rest (see
    /// <see cref="TrainingSetJournal"/>).</summary>
    public void Restore(IEnumerable<Document> accumulated, IReadOnlyList<Document> generationZeroHuman, IReadOnlyList<Document> kept, double keptFraction)
    {
        foreach (var document in accumulated)
        {
            if (_accumulatedIds.Add(document.Id))
            {
                _accumulated.Add(document);
            }
        }

        _generationZeroHuman = generationZeroHuman;
        _kept = kept;
        _keptFraction = keptFraction;
    }

    /// <summary>What the crawler fetches of the documents new since the previous training: all of them, or a uniform
    /// sample of the crawl budget, in canonical order.</summary>
    public IReadOnlyList<Document> Crawl(TrainingSpec spec, IReadOnlyList<Document> scraped, Random random) =>
        spec.CrawlBudget is { } budget && budget < scraped.Count ? UniformDraw.InOrder(scraped, budget, random) : scraped;

    /// <summary>Builds generation <paramref name="generation"/>'s training set, in canonical order.</summary>
    /// <param name="spec">The data policy in force.</param>
    /// <param name="generation">The generation being trained.</param>
    /// <param name="scrape">What was crawled (see <see cref="Crawl"/>) and passed the scrape filters, in canonical order.</param>
    /// <param name="fresh">Fresh real documents drawn for this generation.</param>
    /// <param name="random">The vendor's random stream for this training.</param>
    /// <param name="humanKeptLater">False when no policy of the run ever keeps human data: generation 0's human data
    /// then need not stay in memory (at web scale, hundreds of thousands of documents).</param>
    public IReadOnlyList<Document> Build(TrainingSpec spec, int generation, IReadOnlyList<Document> scrape, IReadOnlyList<Document> fresh, Random random,
        bool humanKeptLater = true)
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

        if (generation == 0)
        {
            _generationZeroHuman = humanKeptLater || spec.KeepHumanFraction > 0 ? basis.Where(d => !d.Provenance.IsSynthetic).ToList() : [];
        }

        // The kept share is drawn from generation 0's human data when the policy first asks for it, and drawn again
        // if a later policy change asks for another share or the policy redraws it for every generation.
        var redraw = spec.KeepHumanRedraw && generation > 0 && spec.KeepHumanFraction > 0;
        if (spec.KeepHumanFraction != _keptFraction || redraw)
        {
            var keep = (int)Math.Round(spec.KeepHumanFraction * _generationZeroHuman.Count, MidpointRounding.AwayFromZero);
            _kept = keep == 0 ? [] : UniformDraw.InOrder(_generationZeroHuman, keep, random);
            _keptFraction = spec.KeepHumanFraction;
        }

        return Canonical([basis, _kept, fresh]);
    }

    /// <summary>The documents of <paramref name="parts"/>, in turn, with the first of each id only, in canonical order.</summary>
    /// <remarks>Usually the parts joined are already in canonical order (a scrape alone): then duplicates are neighbours
    /// and the first of each run is the first occurrence, so neither a set of ids nor a sort is needed for the same result.</remarks>
    private static List<Document> Canonical(IReadOnlyList<Document>[] parts)
    {
        var result = new List<Document>(parts.Sum(p => p.Count));
        string? previous = null;
        foreach (var part in parts)
        {
            foreach (var document in part)
            {
                if (previous is not null)
                {
                    var order = string.CompareOrdinal(previous, document.Id);
                    if (order > 0)
                    {
                        return Deduplicated(parts);
                    }

                    if (order == 0)
                    {
                        continue;
                    }
                }

                result.Add(document);
                previous = document.Id;
            }
        }

        return result;
    }

    private static List<Document> Deduplicated(IReadOnlyList<Document>[] parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Document>(parts.Sum(p => p.Count));
        foreach (var document in parts.SelectMany(p => p))
        {
            if (seen.Add(document.Id))
            {
                result.Add(document);
            }
        }

        result.Sort(DocumentOrder.Instance);
        return result;
    }
}
