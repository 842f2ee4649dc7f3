namespace Ecosystem.Corpus;

/// <summary>Reads a folder of UTF-8 <c>.txt</c> files; a file's genre is the name of the folder that directly holds it.</summary>
/// <remarks>Files at the top level get <see cref="SourceText.DefaultGenre"/>. Ids are <c>folder/</c> plus the relative
/// path without extension, with forward slashes, so they are the same on every platform.</remarks>
public sealed class FolderCorpusReader : ICorpusReader
{
    /// <summary>Prefix of the source ids.</summary>
    public const string IdPrefix = "folder/";

    /// <summary>Reads the texts under <paramref name="directory"/>.</summary>
    public FolderCorpusReader(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The corpus folder.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Origin => $"text folder '{Directory}'";

    /// <inheritdoc />
    public IReadOnlyList<SourceText> Read(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new DirectoryNotFoundException($"Corpus folder '{Directory}' does not exist.");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };
        var files = System.IO.Directory.EnumerateFiles(Directory, "*.txt", options)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(Directory, path).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new CorpusFormatException(Directory, null, "contains no .txt files.");
        }

        var texts = new List<SourceText>(files.Length);
        foreach (var (path, relative) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.GetDirectoryName(relative.Replace('/', Path.DirectorySeparatorChar));
            var genre = string.IsNullOrEmpty(folder) ? SourceText.DefaultGenre : Path.GetFileName(folder);
            var id = IdPrefix + relative[..^Path.GetExtension(relative).Length];

            // Line endings depend on how a file was checked out; normalising them keeps token ids platform-independent.
            var text = CorpusFileText.Read(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            texts.Add(new SourceText(id, genre, text));
        }

        progress?.Report($"Read {texts.Count} texts from '{Directory}'.");
        return texts;
    }
}
