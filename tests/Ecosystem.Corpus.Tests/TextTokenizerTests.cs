namespace Ecosystem.Corpus.Tests;

/// <summary>The GPT-2 tokenizer wrapper is lossless and has the GPT-2 vocabulary.</summary>
public sealed class TextTokenizerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Hello, world!")]
    [InlineData("The jury said \"no evidence\" -- of any irregularities.")]
    [InlineData("  leading and trailing  \n\n\ttabs\r\nand CRLF  ")]
    [InlineData("Ünïcödé: naïve café, Ελληνικά, 日本語, emoji 😀👍🏽, combining e\u0301")]
    [InlineData("<|endoftext|> is special")]
    public void DecodeInvertsEncode(string text)
    {
        var tokenizer = TextTokenizer.Shared;
        var tokens = tokenizer.Encode(text);
        Assert.All(tokens, t => Assert.InRange(t, 0, tokenizer.VocabularySize - 1));
        Assert.Equal(text, tokenizer.Decode(tokens));
    }

    [Fact]
    public void IsGpt2()
    {
        Assert.Equal(50257, TextTokenizer.Shared.VocabularySize);
        Assert.Equal([15496, 11, 995, 0], TextTokenizer.Shared.Encode("Hello, world!"));
        Assert.Same(TextTokenizer.Shared, TextTokenizer.Shared);
    }

    [Fact]
    public void DecodeRejectsIdsOutsideTheVocabulary()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TextTokenizer.Shared.Decode([1, 50257]));
        Assert.Contains("Token 1 is 50257", e.Message, StringComparison.Ordinal);
    }
}
