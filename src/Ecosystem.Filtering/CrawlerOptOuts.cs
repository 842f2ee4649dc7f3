using System.Collections.Concurrent;
using Ecosystem.Abstractions;
using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Filtering;

/// <summary>Which human authors have opted out of AI training at a tick: author a is out from the first tick at which
/// the share of its genre reaches u(a), a uniform number drawn once per author from the seed, so an author who has
/// opted out stays out and the opted-out authors are a uniform sample of the population.</summary>
/// <remarks>Applies to what people wrote (human and assisted documents, whose author is the person); licensed fresh
/// data and model output carry no opt-out.</remarks>
public sealed class CrawlerOptOuts
{
    /// <summary>The author key of licensed fresh data, which is licensed for training.</summary>
    public const string LicensedAuthor = "licensed";

    private readonly long _seed;
    private readonly (double Share, double Growth) _overall;
    private readonly IReadOnlyDictionary<string, (double Share, double Growth)> _genres;
    private readonly ConcurrentDictionary<string, double> _draws = new(StringComparer.Ordinal);

    /// <summary>Opt-outs of a run with seed <paramref name="seed"/>: share and growth per tick overall, and per genre
    /// where given.</summary>
    public CrawlerOptOuts(long seed, double share, double growthPerTick, IReadOnlyDictionary<string, (double Share, double Growth)>? genres = null)
    {
        _seed = seed;
        _overall = (share, growthPerTick);
        _genres = genres ?? new Dictionary<string, (double, double)>();
    }

    /// <summary>The share of a genre's authors opted out at <paramref name="tick"/>.</summary>
    public double ShareAt(string genre, int tick)
    {
        var (share, growth) = _genres.TryGetValue(genre, out var own) ? own : _overall;
        return Math.Min(1, share + growth * tick);
    }

    /// <summary>True when the document's author has opted out by <paramref name="tick"/>.</summary>
    public bool IsOptedOut(Provenance provenance, int tick)
    {
        if (provenance.Kind == AuthorKind.Model || provenance.AuthorId == LicensedAuthor)
        {
            return false;
        }

        var u = _draws.GetOrAdd(provenance.AuthorId, author => RandomStreams.DeriveSeed(_seed, author, 0, "opt-out") / 2147483648.0);
        return u < ShareAt(provenance.Genre, tick);
    }

    /// <summary>What opt-outs do to one training: the opted-out share of the human documents crawled and, for a vendor
    /// that respects them, the training set without any document of an author opted out by <paramref name="tick"/>
    /// (crawled, kept and accumulated alike: an opt-out covers an author's old documents too).</summary>
    public OptOutOutcome Apply(IReadOnlyList<Document> crawled, IReadOnlyList<Document> trainingSet, bool respect, int tick)
    {
        var human = crawled.Count(d => d.Provenance.Kind != AuthorKind.Model);
        var optedOut = crawled.Count(d => IsOptedOut(d.Provenance, tick));
        IReadOnlyList<Document> kept = respect ? [.. trainingSet.Where(d => !IsOptedOut(d.Provenance, tick))] : trainingSet;
        return new OptOutOutcome(
            kept,
            human == 0 ? double.NaN : (double)optedOut / human,
            kept.Count(d => IsOptedOut(d.Provenance, tick)),
            kept.Count == 0 ? double.NaN : (double)kept.Count(d => !d.Provenance.IsSynthetic) / kept.Count);
    }
}
