using Ecosystem.Abstractions.Corpus;

namespace Ecosystem.Metrics;

/// <summary>How much of a corpus is human versus synthetic, by documents and by tokens, and which vendors and
/// generations wrote the synthetic part.</summary>
/// <remarks>"Tokens" are <see cref="DocumentContent.Length"/> units: token ids for text and categorical data,
/// values for continuous data. Shares are 0 for an empty corpus. Breakdowns are ordered by vendor (ordinal)
/// then generation, independent of document order.</remarks>
/// <param name="DocumentsHuman">Human-written documents.</param>
/// <param name="DocumentsSynthetic">Model-generated documents.</param>
/// <param name="TokensHuman">Units in human documents.</param>
/// <param name="TokensSynthetic">Units in synthetic documents.</param>
/// <param name="ByVendor">Synthetic counts per vendor.</param>
/// <param name="ByGeneration">Synthetic counts per generation number, across vendors.</param>
/// <param name="ByVendorGeneration">Synthetic counts per (vendor, generation).</param>
public sealed record CorpusComposition(
    long DocumentsHuman,
    long DocumentsSynthetic,
    long TokensHuman,
    long TokensSynthetic,
    IReadOnlyList<VendorCount> ByVendor,
    IReadOnlyList<GenerationCount> ByGeneration,
    IReadOnlyList<VendorGenerationCount> ByVendorGeneration)
{
    /// <summary>All documents.</summary>
    public long DocumentsTotal => DocumentsHuman + DocumentsSynthetic;

    /// <summary>All units.</summary>
    public long TokensTotal => TokensHuman + TokensSynthetic;

    /// <summary>Synthetic share of documents; 0 for an empty corpus.</summary>
    public double SyntheticShareDocuments => DocumentsTotal == 0 ? 0 : (double)DocumentsSynthetic / DocumentsTotal;

    /// <summary>Synthetic share of units; 0 when there are none.</summary>
    public double SyntheticShareTokens => TokensTotal == 0 ? 0 : (double)TokensSynthetic / TokensTotal;

    /// <summary>Counts the composition of a set of documents.</summary>
    public static CorpusComposition From(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        long docsHuman = 0, docsSynthetic = 0, tokensHuman = 0, tokensSynthetic = 0;
        var cells = new Dictionary<(string Vendor, int Generation), long[]>();
        foreach (var d in documents)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(documents));
            long units = d.Content.Length;
            if (!d.Provenance.IsSynthetic)
            {
                docsHuman++;
                tokensHuman += units;
                continue;
            }

            docsSynthetic++;
            tokensSynthetic += units;
            var key = (d.Provenance.Vendor ?? string.Empty, d.Provenance.Generation);
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = new long[2];
                cells[key] = cell;
            }

            cell[0]++;
            cell[1] += units;
        }

        var keys = cells.Keys.ToArray();
        Array.Sort(keys, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Vendor, b.Vendor);
            return c != 0 ? c : a.Generation.CompareTo(b.Generation);
        });

        var byVendorGeneration = new List<VendorGenerationCount>(keys.Length);
        var byVendor = new List<VendorCount>();
        var byGeneration = new SortedDictionary<int, long[]>();
        foreach (var key in keys)
        {
            var cell = cells[key];
            byVendorGeneration.Add(new VendorGenerationCount(key.Vendor, key.Generation, cell[0], cell[1]));
            if (byVendor.Count > 0 && string.Equals(byVendor[^1].Vendor, key.Vendor, StringComparison.Ordinal))
            {
                var last = byVendor[^1];
                byVendor[^1] = last with { Documents = last.Documents + cell[0], Tokens = last.Tokens + cell[1] };
            }
            else
            {
                byVendor.Add(new VendorCount(key.Vendor, cell[0], cell[1]));
            }

            if (!byGeneration.TryGetValue(key.Generation, out var g))
            {
                g = new long[2];
                byGeneration[key.Generation] = g;
            }

            g[0] += cell[0];
            g[1] += cell[1];
        }

        var generations = new List<GenerationCount>(byGeneration.Count);
        foreach (var (generation, g) in byGeneration)
        {
            generations.Add(new GenerationCount(generation, g[0], g[1]));
        }

        return new CorpusComposition(docsHuman, docsSynthetic, tokensHuman, tokensSynthetic,
            byVendor, generations, byVendorGeneration);
    }
}
