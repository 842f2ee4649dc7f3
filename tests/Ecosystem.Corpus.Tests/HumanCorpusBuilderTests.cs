namespace Ecosystem.Corpus.Tests;

/// <summary>Chunking, splitting, filtering and subsetting on small made-up corpora.</summary>
public sealed class HumanCorpusBuilderTests
{
    private static readonly IReadOnlyList<SourceText> Sources =
        SyntheticSources.Make(("alpha", 10, 40), ("beta", 2, 40), ("gamma", 1, 40), ("delta", 5, 40), ("tiny", 3, 1));

    private static readonly CorpusOptions Options = new(CorpusSourceKind.Jsonl, "unused", DocumentTokens: 16, HeldOutFraction: 0.2, SplitSeed: 7);

    private static HumanCorpus Build(IReadOnlyList<SourceText> sources, CorpusOptions options) =>
        HumanCorpusBuilder.Build(sources, options, TextTokenizer.Shared, "test corpus");

    [Fact]
    public void DocumentsAreConsecutiveFullChunksOfTheirSource()
    {
        var corpus = Build(Sources, Options);
        var tokenizer = TextTokenizer.Shared;
        foreach (var source in Sources)
        {
            var encoded = tokenizer.Encode(source.Text);
            var documents = corpus.Train.Concat(corpus.HeldOut).Where(d => d.SourceId == source.Id).ToArray();
            Assert.Equal(encoded.Length / 16, documents.Length);
            for (var i = 0; i < documents.Length; i++)
            {
                Assert.Equal($"{source.Id}#{i:D3}", documents[i].Id);
                Assert.Equal(source.Genre, documents[i].Genre);
                Assert.Equal(encoded.Skip(i * 16).Take(16), documents[i].Tokens);
            }
        }
    }

    [Fact]
    public void SplitIsBySourceTextAndStratifiedPerGenre()
    {
        var corpus = Build(Sources, Options);

        var trainSources = corpus.Train.Select(d => d.SourceId).ToHashSet();
        var heldOutSources = corpus.HeldOut.Select(d => d.SourceId).ToHashSet();
        Assert.Empty(trainSources.Intersect(heldOutSources));

        Assert.Equal(2, heldOutSources.Count(s => s.StartsWith("test/alpha", StringComparison.Ordinal)));
        Assert.Equal(1, heldOutSources.Count(s => s.StartsWith("test/beta", StringComparison.Ordinal)));
        Assert.Equal(0, heldOutSources.Count(s => s.StartsWith("test/gamma", StringComparison.Ordinal)));
        Assert.Equal(1, heldOutSources.Count(s => s.StartsWith("test/delta", StringComparison.Ordinal)));

        // "tiny" texts are shorter than one document, so the genre disappears instead of skewing the split.
        Assert.Equal(["alpha", "beta", "delta", "gamma"], corpus.Genres);
        Assert.Equal(corpus.Genres, corpus.Train.Select(d => d.Genre).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ResultIsDeterministicAndCanonicallyOrdered()
    {
        var first = Build(Sources, Options);
        var second = Build(Sources.Reverse().ToArray(), Options);

        Assert.Equal(first.Train.Select(d => d.Id), second.Train.Select(d => d.Id));
        Assert.Equal(first.HeldOut.Select(d => d.Id), second.HeldOut.Select(d => d.Id));
        Assert.Equal(first.Train.SelectMany(d => d.Tokens), second.Train.SelectMany(d => d.Tokens));

        var canonical = first.Train.OrderBy(d => d.Genre, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal);
        Assert.Equal(canonical.Select(d => d.Id), first.Train.Select(d => d.Id));
        Assert.Equal(first.Train.Sum(d => (long)d.Tokens.Length), first.TrainTokenCount);
        Assert.Equal(TextTokenizer.Gpt2VocabularySize, first.VocabularySize);
    }

    [Fact]
    public void SeedChangesWhichSourcesAreHeldOut()
    {
        var heldOut = Build(Sources, Options).HeldOut.Select(d => d.SourceId).ToHashSet();
        var others = Enumerable.Range(100, 5)
            .Select(seed => Build(Sources, Options with { SplitSeed = seed }).HeldOut.Select(d => d.SourceId).ToHashSet());
        Assert.Contains(others, other => !other.SetEquals(heldOut));
    }

    [Fact]
    public void GenreFilterKeepsOnlyThoseGenres()
    {
        var corpus = Build(Sources, Options with { Genres = ["delta", "alpha"] });
        Assert.Equal(["alpha", "delta"], corpus.Genres);
    }

    [Fact]
    public void UnknownGenreIsNamedWithTheAvailableOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Build(Sources, Options with { Genres = ["alpha", "poetry"] }));
        Assert.Contains("'poetry'", e.Message, StringComparison.Ordinal);
        Assert.Contains("alpha, beta, delta, gamma, tiny", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxDocumentsKeepsAStratifiedDeterministicSubsetOfTrain()
    {
        var full = Build(Sources, Options);
        var small = Build(Sources, Options with { MaxDocuments = 12 });
        var again = Build(Sources, Options with { MaxDocuments = 12 });

        Assert.Equal(12, small.Train.Count);
        Assert.Equal(small.Train.Select(d => d.Id), again.Train.Select(d => d.Id));
        Assert.Subset(full.Train.Select(d => d.Id).ToHashSet(), small.Train.Select(d => d.Id).ToHashSet());
        Assert.Equal(full.HeldOut.Select(d => d.Id), small.HeldOut.Select(d => d.Id));
        Assert.Equal(full.Genres, small.Train.Select(d => d.Genre).Distinct().Order(StringComparer.Ordinal));

        foreach (var genre in full.Genres)
        {
            var share = (double)full.Train.Count(d => d.Genre == genre) / full.Train.Count;
            Assert.InRange(small.Train.Count(d => d.Genre == genre), Math.Max(1, Math.Floor(share * 12) - 1), Math.Ceiling(share * 12) + 1);
        }
    }

    [Fact]
    public void CorpusWithoutAFullDocumentIsAnErrorNamingTheOrigin()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(SyntheticSources.Make(("tiny", 3, 1)), Options));
        Assert.Contains("test corpus", e.Message, StringComparison.Ordinal);
        Assert.Contains("16 tokens", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateSourceIdsAreRejected()
    {
        var sources = new[] { new SourceText("x", "a", "one"), new SourceText("x", "b", "two") };
        var e = Assert.Throws<ArgumentException>(() => Build(sources, Options));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.1, null)]
    [InlineData(16, 1.0, null)]
    [InlineData(16, -0.1, null)]
    [InlineData(16, 0.1, 0)]
    public void InvalidOptionsAreRejected(int documentTokens, double heldOut, int? maxDocuments)
    {
        var options = Options with { DocumentTokens = documentTokens, HeldOutFraction = heldOut, MaxDocuments = maxDocuments };
        Assert.Throws<ArgumentException>(() => Build(Sources, options));
    }
}
