namespace Ecosystem.Corpus.Tests;

/// <summary>Reading JSONL corpora, and errors that name the line and the problem.</summary>
public sealed class JsonlCorpusReaderTests
{
    [Fact]
    public void ReadsTextAndOptionalGenre()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("corpus.jsonl", """
            {"text": "First text.", "genre": "news"}

            {"text": "Second \u00e9 text.\nTwo lines."}
            {"text": "Third.", "genre": null, "extra": 1}
            """);

        var texts = new JsonlCorpusReader(path).Read();

        Assert.Equal(
            [
                new SourceText("jsonl/000001", "news", "First text."),
                new SourceText("jsonl/000003", "default", "Second é text.\nTwo lines."),
                new SourceText("jsonl/000004", "default", "Third."),
            ],
            texts);
    }

    [Theory]
    [InlineData("{\"text\": \"ok\"}\n{\"genre\": \"news\"}", 2, "\"text\" is missing")]
    [InlineData("{\"text\": \"ok\"}\n\n{\"text\": 5}", 3, "\"text\" must be a string, found a number")]
    [InlineData("{\"text\": \"ok\", \"genre\": [1]}", 1, "\"genre\" must be a string, found an array")]
    [InlineData("{\"text\": \"ok\", \"genre\": \" \"}", 1, "\"genre\" is empty")]
    [InlineData("{\"text\": \"ok\"}\n{\"text\": \"unterminated}", 2, "not valid JSON")]
    [InlineData("[\"text\"]", 1, "expected a JSON object, found an array")]
    public void BadLineNamesTheLineAndTheProblem(string content, int line, string problem)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.jsonl", content);

        var e = Assert.Throws<CorpusFormatException>(() => new JsonlCorpusReader(path).Read());

        Assert.Equal(line, e.LineNumber);
        Assert.Contains($"line {line}", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var e = Assert.Throws<FileNotFoundException>(() => new JsonlCorpusReader(path).Read());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileNamesThePath()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.jsonl", "\n  \n");
        var e = Assert.Throws<CorpusFormatException>(() => new JsonlCorpusReader(path).Read());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Null(e.LineNumber);
    }
}
