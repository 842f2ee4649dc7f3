namespace Ecosystem.Corpus.Tests;

/// <summary>Reading Brown files and their genres from a made-up folder.</summary>
public sealed class BrownCorpusReaderTests
{
    [Fact]
    public void ReadsTextFilesWithGenresFromTheirLetters()
    {
        using var dir = new TempDirectory();
        dir.Write("cm01", "\n\n\tThe/at ship/nn landed/vbd ./.\n");
        dir.Write("ca01", "\n\n\tThe/at jury/nn said/vbd ./.\n");
        dir.Write("cats.txt", "ca01 news\ncm01 science_fiction\n");
        dir.Write("README", "not a text");

        var texts = new BrownCorpusReader(dir.Path).Read();

        Assert.Equal(
            [new SourceText("brown/ca01", "news", "The jury said."), new SourceText("brown/cm01", "science_fiction", "The ship landed.")],
            texts);
    }

    [Fact]
    public void DisagreeingCatsFileIsAnError()
    {
        using var dir = new TempDirectory();
        dir.Write("ca01", "The/at jury/nn ./.");
        dir.Write("cats.txt", "ca01 humor\n");

        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());
        Assert.Contains("cats.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("humor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutTextsNamesThePath()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolderNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-brown-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => new BrownCorpusReader(path).Read());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GenreTableHasFifteenReadableNames()
    {
        Assert.Equal(15, BrownGenres.All.Count);
        Assert.Equal("belles_lettres", BrownGenres.OfFileId("cg12"));
        Assert.Equal("humor", BrownGenres.OfFileId("cr09"));
        Assert.Null(BrownGenres.OfFileId("ci01"));
    }
}
