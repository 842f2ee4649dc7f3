using System.Diagnostics;
using Xunit.Abstractions;

namespace Ecosystem.Corpus.Tests;

/// <summary>The real Brown corpus: texts, genres, word count, split, determinism and timings.</summary>
public sealed class BrownCorpusLoadTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, int> ExpectedTextsPerGenre = new()
    {
        ["adventure"] = 29, ["belles_lettres"] = 75, ["editorial"] = 27, ["fiction"] = 29, ["government"] = 30,
        ["hobbies"] = 36, ["humor"] = 9, ["learned"] = 80, ["lore"] = 48, ["mystery"] = 24, ["news"] = 44,
        ["religion"] = 17, ["reviews"] = 17, ["romance"] = 29, ["science_fiction"] = 6,
    };

    private static readonly CorpusOptions Brown128 = new(CorpusSourceKind.Brown, DocumentTokens: 128, HeldOutFraction: 0.1, SplitSeed: 0);

    [Fact]
    public async Task ReaderFindsAllTextsGenresAndAboutAMillionWords()
    {
        var directory = await new BrownCorpusFetcher().EnsureAsync();
        var stopwatch = Stopwatch.StartNew();
        var texts = new BrownCorpusReader(directory).Read();
        var words = Directory.EnumerateFiles(directory)
            .Where(f => BrownCorpusReader.IsTextFileName(Path.GetFileName(f)))
            .Sum(f => BrownTaggedText.Words(File.ReadAllText(f)).Count(w => w.Any(char.IsLetterOrDigit)));
        output.WriteLine($"Read {texts.Count} texts, {words} words, {texts.Sum(t => t.Text.Length)} characters in {stopwatch.ElapsedMilliseconds} ms.");

        Assert.Equal(500, texts.Count);
        Assert.Equal(
            ExpectedTextsPerGenre.OrderBy(g => g.Key, StringComparer.Ordinal),
            texts.GroupBy(t => t.Genre).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.InRange(words, 1_000_000, 1_030_000);
        Assert.StartsWith("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election produced \"no evidence\" that", texts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadHasAllGenresAndADisjointStratifiedSplit()
    {
        var corpus = await HumanCorpusLoader.Shared.LoadAsync(Brown128);

        Assert.Equal(ExpectedTextsPerGenre.Keys.Order(StringComparer.Ordinal), corpus.Genres);
        Assert.All(corpus.Train.Concat(corpus.HeldOut), d => Assert.Equal(128, d.Tokens.Length));

        var trainSources = corpus.Train.Select(d => d.SourceId).ToHashSet();
        var heldOutSources = corpus.HeldOut.Select(d => d.SourceId).ToHashSet();
        Assert.Empty(trainSources.Intersect(heldOutSources));
        Assert.Equal(500, trainSources.Count + heldOutSources.Count);

        foreach (var (genre, texts) in ExpectedTextsPerGenre)
        {
            var heldOut = heldOutSources.Count(s => corpus.HeldOut.First(d => d.SourceId == s).Genre == genre);
            Assert.Equal(HeldOutSplitter.HeldOutCount(texts, 0.1), heldOut);
            output.WriteLine(
                $"{genre,-16} texts {texts,3}  held-out texts {heldOut,2}  train docs {corpus.Train.Count(d => d.Genre == genre),5}  held-out docs {corpus.HeldOut.Count(d => d.Genre == genre),4}");
        }

        // Held-out text must not reappear in training, even as an identical 128-token window from another text.
        var trainWindows = corpus.Train.Select(d => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Tokens.AsSpan()))).ToHashSet();
        Assert.DoesNotContain(corpus.HeldOut, d => trainWindows.Contains(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Tokens.AsSpan()))));

        output.WriteLine($"Train: {corpus.Train.Count} documents, {corpus.TrainTokenCount} tokens; held-out: {corpus.HeldOut.Count} documents, {corpus.HeldOutTokenCount} tokens.");
        Assert.Same(corpus, await HumanCorpusLoader.Shared.LoadAsync(Brown128 with { }));
    }

    [Fact]
    public async Task LoadIsDeterministicAndTimed()
    {
        var directory = await new BrownCorpusFetcher().EnsureAsync();
        var loader = new HumanCorpusLoader();
        var progress = new RecordingProgress();

        var stopwatch = Stopwatch.StartNew();
        var first = await loader.LoadUncachedAsync(Brown128, progress);
        var firstMs = stopwatch.ElapsedMilliseconds;
        stopwatch.Restart();
        var second = await loader.LoadUncachedAsync(Brown128 with { Path = directory });
        var secondMs = stopwatch.ElapsedMilliseconds;

        output.WriteLine($"Load with fetch check: {firstMs} ms; load from folder: {secondMs} ms.");
        foreach (var message in progress.Messages)
        {
            output.WriteLine(message);
        }

        Assert.NotSame(first, second);
        Assert.Equal(first.Train.Select(d => d.Id), second.Train.Select(d => d.Id));
        Assert.Equal(first.HeldOut.Select(d => d.Id), second.HeldOut.Select(d => d.Id));
        Assert.True(first.Train.Zip(second.Train).All(p => p.First.Tokens.AsSpan().SequenceEqual(p.Second.Tokens)));
        Assert.Equal("brown/ca01#000", first.Train.Concat(first.HeldOut).Where(d => d.Genre == "news").Select(d => d.Id).Min(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MaxDocumentsGivesASmallSubsetWithEveryGenre()
    {
        var small = await HumanCorpusLoader.Shared.LoadAsync(Brown128 with { MaxDocuments = 300 });
        var full = await HumanCorpusLoader.Shared.LoadAsync(Brown128);

        Assert.Equal(300, small.Train.Count);
        Assert.Equal(15, small.Train.Select(d => d.Genre).Distinct().Count());
        Assert.Equal(full.HeldOut.Select(d => d.Id), small.HeldOut.Select(d => d.Id));
        Assert.True(small.Train.Count(d => d.Genre == "learned") > small.Train.Count(d => d.Genre == "humor"));
    }
}
