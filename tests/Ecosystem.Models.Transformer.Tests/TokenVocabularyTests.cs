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

    [Fact]
    public void A_frequency_limit_keeps_the_most_frequent_ids_and_the_tail_shares_the_unknown_mass_by_frequency()
    {
        // Counts: 5 x4, 9 x3, 2 x2, 8 x1, 6 x1; a limit of 3 keeps 5, 9 and 2 (ties never matter here).
        var vocabulary = TokenVocabulary.Compact([[5, 5, 9, 2, 8], [5, 9, 9, 2, 5, 6]], 20, limit: 3);

        Assert.Equal(new[] { 2, 5, 9 }, vocabulary.SourceIds);
        Assert.Equal(2, vocabulary.TailTokens);
        Assert.Equal(17, vocabulary.UnmodelledSourceIds);
        // (count + 1) / (tail tokens + unmodelled ids): the seen tail ids get 2/19, the 15 unseen ones 1/19 each.
        Assert.Equal(Math.Log(2.0 / 19), vocabulary.UnknownShareLog(8), 12);
        Assert.Equal(Math.Log(1.0 / 19), vocabulary.UnknownShareLog(0), 12);
        var total = Enumerable.Range(0, 20).Where(id => !vocabulary.Contains(id)).Sum(id => Math.Exp(vocabulary.UnknownShareLog(id)));
        Assert.Equal(1.0, total, 12);
    }

    [Fact]
    public void Equal_counts_at_the_limit_keep_the_smaller_id()
    {
        var vocabulary = TokenVocabulary.Compact([[4, 3, 7, 7]], 10, limit: 2);

        Assert.Equal(new[] { 3, 7 }, vocabulary.SourceIds);
    }

    [Fact]
    public void Without_a_cut_the_unknown_mass_is_shared_evenly()
    {
        var vocabulary = TokenVocabulary.Compact([[1, 2, 3]], 10, limit: 5);

        Assert.Empty(vocabulary.TailCounts);
        Assert.Equal(Math.Log(1.0 / 7), vocabulary.UnknownShareLog(9), 12);
    }
}
