using Ecosystem.Abstractions.Corpus;
using Ecosystem.Metrics;

namespace Ecosystem.Grains.Clock;

/// <summary>Running totals of one world's corpus: documents and tokens by provenance, documents per genre and, when
/// asked, a sketch of the distinct bigrams of every document ever published; all updated with each tick's new
/// documents only, so a tick's cost does not grow with the web.</summary>
public sealed class WorldTotals
{
    private readonly SortedDictionary<string, long> _genres = new(StringComparer.Ordinal);
    private DistinctCountSketch? _bigrams;

    /// <summary>Totals that also sketch the corpus's distinct bigrams (text data, the measured world).</summary>
    public static WorldTotals WithBigrams() => new() { _bigrams = new DistinctCountSketch() };

    /// <summary>The sketch of the distinct bigrams of every document so far, or null when not kept.</summary>
    public DistinctCountSketch? Bigrams => _bigrams;

    /// <summary>Bigrams of every document so far (within documents), counted exactly.</summary>
    public long BigramOccurrences { get; private set; }

    /// <summary>Human documents so far.</summary>
    public long HumanDocuments { get; private set; }

    /// <summary>Documents written by people with a model's help so far (counted among the synthetic ones too).</summary>
    public long AssistedDocuments { get; private set; }

    /// <summary>Synthetic documents so far.</summary>
    public long SyntheticDocuments { get; private set; }

    /// <summary>Human tokens (or values) so far.</summary>
    public long HumanUnits { get; private set; }

    /// <summary>Synthetic tokens (or values) so far.</summary>
    public long SyntheticUnits { get; private set; }

    /// <summary>Documents per genre label so far (human genres known, model genres inferred).</summary>
    public IReadOnlyDictionary<string, long> Genres => _genres;

    /// <summary>The totals as a record to persist.</summary>
    public WorldTotalsState ToState() => new()
    {
        HumanDocuments = HumanDocuments,
        AssistedDocuments = AssistedDocuments,
        SyntheticDocuments = SyntheticDocuments,
        HumanUnits = HumanUnits,
        SyntheticUnits = SyntheticUnits,
        Genres = new Dictionary<string, long>(_genres, StringComparer.Ordinal),
        BigramRegisters = _bigrams?.ToRegisters(),
        BigramOccurrences = BigramOccurrences,
    };

    /// <summary>Totals restored from <paramref name="state"/>.</summary>
    public static WorldTotals FromState(WorldTotalsState state)
    {
        var totals = new WorldTotals
        {
            HumanDocuments = state.HumanDocuments,
            AssistedDocuments = state.AssistedDocuments,
            SyntheticDocuments = state.SyntheticDocuments,
            HumanUnits = state.HumanUnits,
            SyntheticUnits = state.SyntheticUnits,
            BigramOccurrences = state.BigramOccurrences,
            _bigrams = state.BigramRegisters is { } registers ? DistinctCountSketch.FromRegisters(registers) : null,
        };
        foreach (var (genre, count) in state.Genres)
        {
            totals._genres[genre] = count;
        }

        return totals;
    }

    /// <summary>Adds a tick's newly published documents.</summary>
    public void Add(IEnumerable<Document> documents)
    {
        foreach (var document in documents)
        {
            if (document.Provenance.IsSynthetic)
            {
                SyntheticDocuments++;
                SyntheticUnits += document.Content.Length;
                AssistedDocuments += document.Provenance.IsAssisted ? 1 : 0;
            }
            else
            {
                HumanDocuments++;
                HumanUnits += document.Content.Length;
            }

            var genre = document.Provenance.Genre;
            _genres[genre] = _genres.GetValueOrDefault(genre) + 1;
            if (_bigrams is not null)
            {
                NGramHash.AddTo(_bigrams, document.Content.Tokens, 2);
                BigramOccurrences += Math.Max(0, document.Content.Tokens.Length - 1);
            }
        }
    }
}
