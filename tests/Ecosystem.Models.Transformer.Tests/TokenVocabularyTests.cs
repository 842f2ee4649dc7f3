using Ecosystem.Corpus;

namespace Ecosystem.Models.Transformer.Tests;

public sealed class TokenVocabularyTests
{
    [Fact]
    public void Text_round_trips_through_gpt2_ids_and_the_compact_vocabulary()
    {
        const string text = "The jury further said in term-end presentments that the City Executive Committee deserves praise.";
        var tokenizer = TextTokenizer.Shared;
        var ids = tokenizer.Encode(text);
        var vocabulary = TokenVocabulary.Compact([ids], tokenizer.VocabularySize);

        var modelIds = ids.Select(vocabulary.ToModel).ToArray();
        Assert.DoesNotContain(TokenVocabulary.Unknown, modelIds);
        Assert.Equal(text, tokenizer.Decode(modelIds.Select(vocabulary.ToSource).ToArray()));
    }

    [Fact]
    public void Compacting_keeps_only_the_tokens_present_plus_two_reserved_symbols()
    {
        var vocabulary = TokenVocabulary.Compact([[7, 3, 7], [11]], 50_257);

        Assert.Equal(5, vocabulary.Size);
        Assert.Equal(new[] { 3, 7, 11 }, vocabulary.SourceIds);
        Assert.Equal(50_257 - 3, vocabulary.UnmodelledSourceIds);
        Assert.Equal(TokenVocabulary.Unknown, vocabulary.ToModel(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.ToSource(TokenVocabulary.Begin));
    }

    [Fact]
    public void The_full_vocabulary_has_a_row_for_every_source_id()
    {
        var vocabulary = TokenVocabulary.Full(100);

        Assert.Equal(102, vocabulary.Size);
        Assert.Equal(0, vocabulary.UnmodelledSourceIds);
        Assert.All(Enumerable.Range(0, 100), id => Assert.Equal(id, vocabulary.ToSource(vocabulary.ToModel(id))));
    }
}
