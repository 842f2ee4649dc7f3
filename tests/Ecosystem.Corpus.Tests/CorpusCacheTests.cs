namespace Ecosystem.Corpus.Tests;

/// <summary>Where the cache folder is, from the environment.</summary>
public sealed class CorpusCacheTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "cache-test"));

    [Fact]
    public void ExplicitVariableWins()
    {
        var env = Env(("ECOSYSTEM_CACHE", Path.Combine(Root, "mine")), ("XDG_CACHE_HOME", Path.Combine(Root, "xdg")), ("HOME", Root));
        Assert.Equal(Path.Combine(Root, "mine"), CorpusCache.ResolveDirectory(env));
    }

    [Fact]
    public void XdgCacheHomeComesNext()
    {
        var env = Env(("ECOSYSTEM_CACHE", ""), ("XDG_CACHE_HOME", Path.Combine(Root, "xdg")), ("HOME", Root));
        Assert.Equal(Path.Combine(Root, "xdg", "ecosystem"), CorpusCache.ResolveDirectory(env));
    }

    [Fact]
    public void HomeDotCacheIsTheFallback()
    {
        var env = Env(("XDG_CACHE_HOME", "relative/ignored"), ("HOME", Root));
        Assert.Equal(Path.Combine(Root, ".cache", "ecosystem"), CorpusCache.ResolveDirectory(env));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
