namespace Ecosystem.Corpus.Tests;

/// <summary>Tag stripping and detokenisation of Brown text on small inline samples.</summary>
public sealed class BrownTaggedTextTests
{
    [Fact]
    public void StripsTagsAfterTheLastSlash()
    {
        var words = BrownTaggedText.Words("\tThe/at Fulton/np-tl 1-1/2/cd and/or/cc ./.-hl //in\n\n\tnot/*");
        Assert.Equal(["The", "Fulton", "1-1/2", "and/or", ".", "/", "not"], words);
    }

    [Fact]
    public void AttachesPunctuationAndMapsQuotes()
    {
        const string tagged = """

            	The/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, that/cs (/( any/dti )/) irregularities/nns took/vbd place/nn ./.


            	Did/dod it/pps ?/. Yes/rb ;/. it/pps did/dod :/: 'em/ppo all/abn !/. The/at boys/nns '/' hats/nns --/-- now/rb ./.
            """;

        Assert.Equal(
            "The jury said \"no evidence\", that (any) irregularities took place. Did it? Yes; it did: 'em all! The boys' hats -- now.",
            BrownTaggedText.ToPlainText(tagged));
    }

    [Fact]
    public void KeepsCase()
    {
        Assert.Equal("Mayor-nominate Ivan Allen Jr.", BrownTaggedText.ToPlainText("Mayor-nominate/nn-tl Ivan/np Allen/np Jr./np"));
    }

    [Fact]
    public void EmptyInputGivesEmptyText()
    {
        Assert.Equal("", BrownTaggedText.ToPlainText(" \n\t "));
    }
}
