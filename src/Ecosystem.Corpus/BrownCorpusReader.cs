using System.Text.RegularExpressions;

namespace Ecosystem.Corpus;

/// <summary>Reads the 500 tagged Brown files of a folder as readable source texts with genre labels.</summary>
public sealed partial class BrownCorpusReader : ICorpusReader
{
    /// <summary>Number of text files in the complete Brown corpus.</summary>
    public const int ExpectedTextCount = 500;

    /// <summary>Prefix of the source ids, as in <c>brown/ca01</c>.</summary>
    public const string IdPrefix = "brown/";

    /// <summary>Reads the files in <paramref name="directory"/>, e.g. the one <see cref="BrownCorpusFetcher"/> returns.</summary>
    public BrownCorpusReader(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder holding the Brown files.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Origin => $"Brown corpus in '{Directory}'";

    /// <inheritdoc />
    public IReadOnlyList<SourceText> Read(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new DirectoryNotFoundException($"Brown corpus folder '{Directory}' does not exist.");
        }

        var fileIds = System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsTextFileName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (fileIds.Length == 0)
        {
            throw new CorpusFormatException(Directory, null, "contains no Brown text files (named like ca01 … cr09).");
        }

        // A folder the fetch marked complete is the cache: it must hold the whole corpus, and a damaged copy is
        // fetched again by deleting it.
        var isCache = File.Exists(Path.Combine(Directory, BrownCorpusFetcher.MarkerFileName));
        var repair = isCache ? $"The cached corpus is damaged: delete '{Directory}' and run scripts/fetch-brown.sh (or any run) to fetch it again." : null;
        if (isCache && fileIds.Length != ExpectedTextCount)
        {
            throw new CorpusFormatException(Directory, null, $"holds {fileIds.Length} of the {ExpectedTextCount} Brown texts. {repair}");
        }

        var listedGenres = ReadCategories();
        var texts = new List<SourceText>(fileIds.Length);
        foreach (var fileId in fileIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var genre = BrownGenres.OfFileId(fileId)
                ?? throw new CorpusFormatException(Path.Combine(Directory, fileId), null, $"'{fileId[1]}' is not a Brown genre letter.");
            if (listedGenres is not null && listedGenres.TryGetValue(fileId, out var listed) && listed != genre)
            {
                throw new CorpusFormatException(Path.Combine(Directory, "cats.txt"), null,
                    $"lists {fileId} as '{listed}' but its letter '{fileId[1]}' means '{genre}'.");
            }

            var path = Path.Combine(Directory, fileId);
            var tagged = CorpusFileText.Read(path, repair);
            CheckTagged(path, tagged, repair);
            texts.Add(new SourceText(IdPrefix + fileId, genre, BrownTaggedText.ToPlainText(tagged)));
        }

        progress?.Report($"Read {texts.Count} Brown texts from '{Directory}'.");
        return texts;
    }

    /// <summary>Every token of a Brown text is <c>word/TAG</c>; text that is mostly something else is not a Brown file
    /// (a damaged or replaced one), and reading it would quietly put noise into the corpus.</summary>
    private static void CheckTagged(string path, string tagged, string? repair)
    {
        var tokens = tagged.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            throw new CorpusFormatException(path, null, "is empty." + CorpusFileText.Hint(repair));
        }

        var untagged = tokens.Count(t => t.LastIndexOf('/') <= 0);
        if (untagged > tokens.Length / 100)
        {
            throw new CorpusFormatException(path, null,
                $"is not a tagged Brown text: {untagged} of its {tokens.Length} tokens have no /TAG." + CorpusFileText.Hint(repair));
        }
    }

    // cats.txt is the corpus's own genre list; it is only used to catch a corpus whose letters mean something else.
    private Dictionary<string, string>? ReadCategories()
    {
        var path = Path.Combine(Directory, "cats.txt");
        if (!File.Exists(path))
        {
            return null;
        }

        var genres = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2)
            {
                genres[parts[0]] = parts[1];
            }
        }

        return genres;
    }

    /// <summary>True for the names of Brown text files (<c>ca01</c> … <c>cr09</c>).</summary>
    internal static bool IsTextFileName(string fileName) => FileIdPattern().IsMatch(fileName);

    [GeneratedRegex("^c[a-r][0-9][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex FileIdPattern();
}
