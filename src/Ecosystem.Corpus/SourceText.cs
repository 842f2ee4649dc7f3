namespace Ecosystem.Corpus;

/// <summary>One whole text of a source corpus (a Brown file, a .txt file, a JSONL line) before tokenization.</summary>
/// <param name="Id">Stable id, unique within the corpus, e.g. <c>brown/ca01</c>.</param>
/// <param name="Genre">Genre label; <see cref="DefaultGenre"/> when the source has none.</param>
/// <param name="Text">Readable text.</param>
public sealed record SourceText(string Id, string Genre, string Text)
{
    /// <summary>Genre of texts whose source names none.</summary>
    public const string DefaultGenre = "default";
}
