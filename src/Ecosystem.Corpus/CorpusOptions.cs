using System.Globalization;

namespace Ecosystem.Corpus;

/// <summary>What human text to load and how to cut and split it.</summary>
/// <param name="Source">Kind of source.</param>
/// <param name="Path">Folder or JSONL file for <see cref="CorpusSourceKind.Folder"/> and <see cref="CorpusSourceKind.Jsonl"/>;
/// for <see cref="CorpusSourceKind.Brown"/>, an optional folder already holding the Brown files (otherwise the cache is used).</param>
/// <param name="DocumentTokens">Tokens per document; the last partial chunk of each source text is dropped.</param>
/// <param name="HeldOutFraction">Share of source texts per genre held out, in [0, 1).</param>
/// <param name="SplitSeed">Seed of the held-out choice and of the <paramref name="MaxDocuments"/> subset.</param>
/// <param name="Genres">Only these genres, when set.</param>
/// <param name="MaxDocuments">At most about this many training documents (a genre-stratified subset), when set.</param>
public sealed record CorpusOptions(
    CorpusSourceKind Source,
    string? Path = null,
    int DocumentTokens = 128,
    double HeldOutFraction = 0.1,
    long SplitSeed = 0,
    IReadOnlyList<string>? Genres = null,
    int? MaxDocuments = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field, its value and what is allowed.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Source))
        {
            throw new ArgumentException($"Source is {Source}; allowed: {string.Join(", ", Enum.GetNames<CorpusSourceKind>())}.", nameof(Source));
        }

        if (Source != CorpusSourceKind.Brown && string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException($"Path is required for the {Source} source.", nameof(Path));
        }

        if (DocumentTokens < 1)
        {
            throw new ArgumentException($"DocumentTokens is {DocumentTokens}; it must be at least 1.", nameof(DocumentTokens));
        }

        if (!double.IsFinite(HeldOutFraction) || HeldOutFraction < 0 || HeldOutFraction >= 1)
        {
            throw new ArgumentException(
                $"HeldOutFraction is {HeldOutFraction.ToString(CultureInfo.InvariantCulture)}; it must be in [0, 1).", nameof(HeldOutFraction));
        }

        if (MaxDocuments is < 1)
        {
            throw new ArgumentException($"MaxDocuments is {MaxDocuments}; it must be at least 1 when set.", nameof(MaxDocuments));
        }

        if (Genres is not null && (Genres.Count == 0 || Genres.Any(string.IsNullOrWhiteSpace)))
        {
            throw new ArgumentException("Genres must list at least one non-empty genre when set; leave it null for all genres.", nameof(Genres));
        }
    }

    /// <summary>A string that is equal for options that load the same corpus (genre order and duplicates do not matter).</summary>
    public string CanonicalKey()
    {
        var path = string.IsNullOrWhiteSpace(Path) ? "" : System.IO.Path.GetFullPath(Path);
        var genres = Genres is null ? "*" : string.Join(",", Genres.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return string.Join(
            "|",
            Source,
            path,
            DocumentTokens.ToString(CultureInfo.InvariantCulture),
            HeldOutFraction.ToString("R", CultureInfo.InvariantCulture),
            SplitSeed.ToString(CultureInfo.InvariantCulture),
            genres,
            MaxDocuments?.ToString(CultureInfo.InvariantCulture) ?? "all");
    }
}
