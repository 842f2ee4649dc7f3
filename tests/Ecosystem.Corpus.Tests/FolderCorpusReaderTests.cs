namespace Ecosystem.Corpus.Tests;

/// <summary>Reading a folder of .txt files, and its errors.</summary>
public sealed class FolderCorpusReaderTests
{
    [Fact]
    public void GenreIsTheFolderDirectlyHoldingTheFile()
    {
        using var dir = new TempDirectory();
        dir.Write("top.txt", "Top level.\r\nSecond line.");
        dir.Write(Path.Combine("news", "b.txt"), "News b.");
        dir.Write(Path.Combine("news", "a.TXT"), "News a.");
        dir.Write(Path.Combine("fiction", "sf", "story.txt"), "Far away.");
        dir.Write(Path.Combine("news", "notes.md"), "ignored");

        var texts = new FolderCorpusReader(dir.Path).Read();

        Assert.Equal(
            [
                new SourceText("folder/fiction/sf/story", "sf", "Far away."),
                new SourceText("folder/news/a", "news", "News a."),
                new SourceText("folder/news/b", "news", "News b."),
                new SourceText("folder/top", SourceText.DefaultGenre, "Top level.\nSecond line."),
            ],
            texts);
    }

    [Fact]
    public void MissingFolderNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => new FolderCorpusReader(path).Read());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutTextFilesNamesThePath()
    {
        using var dir = new TempDirectory();
        dir.Write("readme.md", "no text here");
        var e = Assert.Throws<CorpusFormatException>(() => new FolderCorpusReader(dir.Path).Read());
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains(".txt", e.Message, StringComparison.Ordinal);
    }
}
