using Ecosystem.Abstractions.Corpus;
using System.Globalization;

namespace Ecosystem.Filtering;

/// <summary>A vendor's scrape-time filters applied in order, each to what the ones before it passed, with a report of
/// true and false removals per filter.</summary>
public sealed class ScrapeFilterPipeline(IReadOnlyList<IScrapeFilter> filters)
{
    /// <summary>The label of the filter at <paramref name="index"/>: its position and kind, e.g. "1:nearDuplicate".</summary>
    public static string Label(int index, string kind) => index.ToString(CultureInfo.InvariantCulture) + ":" + kind;

    /// <summary>Runs every filter over <paramref name="documents"/> (canonical order).</summary>
    public ScrapeFilterOutcome Apply(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var current = documents;
        var reports = new List<FilterReport>(filters.Count);
        for (var f = 0; f < filters.Count; f++)
        {
            var passes = filters[f].Passes(current);
            if (passes.Length != current.Count)
            {
                throw new InvalidOperationException($"Filter {filters[f].Kind} answered for {passes.Length} of {current.Count} documents.");
            }

            int removedHuman = 0, removedSynthetic = 0, passedHuman = 0, passedSynthetic = 0;
            var next = new List<Document>(current.Count);
            for (var i = 0; i < current.Count; i++)
            {
                var synthetic = current[i].Provenance.IsSynthetic;
                if (passes[i])
                {
                    next.Add(current[i]);
                }

                passedSynthetic += passes[i] && synthetic ? 1 : 0;
                passedHuman += passes[i] && !synthetic ? 1 : 0;
                removedSynthetic += !passes[i] && synthetic ? 1 : 0;
                removedHuman += !passes[i] && !synthetic ? 1 : 0;
            }

            reports.Add(new FilterReport(Label(f, filters[f].Kind), removedHuman, removedSynthetic, passedHuman, passedSynthetic));
            current = next;
        }

        return new ScrapeFilterOutcome(current, reports);
    }
}
