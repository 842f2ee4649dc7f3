namespace Ecosystem.Corpus.Tests;

/// <summary>Loading from folders and JSONL files, memoisation and failure handling.</summary>
public sealed class HumanCorpusLoaderTests
{
    [Fact]
    public async Task LoadsAFolderCorpusAndMemoisesByOptions()
    {
        using var dir = new TempDirectory();
        foreach (var source in SyntheticSources.Make(("news", 4, 60), ("fiction", 3, 60)))
        {
            dir.Write(Path.Combine(source.Genre, source.Id["test/".Length..] + ".txt"), source.Text);
        }

        var loader = new HumanCorpusLoader(cacheDirectory: dir.Path);
        var options = new CorpusOptions(CorpusSourceKind.Folder, dir.Path, DocumentTokens: 32, Genres: ["news", "fiction"]);

        var corpus = await loader.LoadAsync(options);
        var same = await loader.LoadAsync(options with { Genres = ["fiction", "news", "news"] });
        var other = await loader.LoadAsync(options with { DocumentTokens = 16 });

        Assert.Same(corpus, same);
        Assert.NotSame(corpus, other);
        Assert.Equal(["fiction", "news"], corpus.Genres);
        Assert.All(corpus.Train.Concat(corpus.HeldOut), d => Assert.Equal(32, d.Tokens.Length));
        Assert.Equal(2, corpus.HeldOut.Select(d => d.SourceId).Distinct().Count());
        Assert.StartsWith("folder/fiction/", corpus.Train[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentLoadsShareOneInstance()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("c.jsonl", string.Join("\n", SyntheticSources.Make(("a", 5, 50)).Select(s => $"{{\"text\": \"{s.Text}\"}}")));
        var loader = new HumanCorpusLoader(cacheDirectory: dir.Path);
        var options = new CorpusOptions(CorpusSourceKind.Jsonl, path, DocumentTokens: 8);

        var loads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => loader.LoadAsync(options))));

        Assert.All(loads, c => Assert.Same(loads[0], c));
        Assert.Equal(["default"], loads[0].Genres);
    }

    [Fact]
    public async Task FailedLoadIsNotRemembered()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "later.jsonl");
        var loader = new HumanCorpusLoader(cacheDirectory: dir.Path);
        var options = new CorpusOptions(CorpusSourceKind.Jsonl, path, DocumentTokens: 4);

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => loader.LoadAsync(options));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "{\"text\": \"Now the file exists and has enough words for a document or two.\"}");
        var corpus = await loader.LoadAsync(options);
        Assert.NotEmpty(corpus.Train);
    }

    [Fact]
    public async Task MissingPathForAFolderSourceIsRejected()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => new HumanCorpusLoader().LoadAsync(new CorpusOptions(CorpusSourceKind.Folder)));
        Assert.Contains("Path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledLoadStopsAndIsNotRemembered()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt", string.Join(" ", Enumerable.Repeat("words", 200)));
        var loader = new HumanCorpusLoader(cacheDirectory: dir.Path);
        var options = new CorpusOptions(CorpusSourceKind.Folder, dir.Path, DocumentTokens: 8);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(options, cancellationToken: new CancellationToken(canceled: true)));

        var corpus = await loader.LoadAsync(options);
        Assert.Equal(25, corpus.Train.Count);
    }
}
