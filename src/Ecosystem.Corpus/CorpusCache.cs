namespace Ecosystem.Corpus;

/// <summary>Locates the per-user cache folder where downloaded corpora live, outside any repository.</summary>
public static class CorpusCache
{
    /// <summary>Environment variable that, when set, names the cache folder directly.</summary>
    public const string EnvironmentVariable = "ECOSYSTEM_CACHE";

    /// <summary>The cache folder for this process's environment.</summary>
    public static string ResolveDirectory() => ResolveDirectory(Environment.GetEnvironmentVariable);

    /// <summary>The cache folder as <paramref name="environment"/> describes it:
    /// <c>ECOSYSTEM_CACHE</c>, else <c>$XDG_CACHE_HOME/ecosystem</c>, else <c>~/.cache/ecosystem</c>.</summary>
    public static string ResolveDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var explicitDirectory = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }

        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        var xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "ecosystem");
        }

        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrWhiteSpace(home))
        {
            throw new InvalidOperationException(
                $"Cannot locate a cache folder: none of {EnvironmentVariable}, XDG_CACHE_HOME or HOME is set.");
        }

        return Path.Combine(home, ".cache", "ecosystem");
    }
}
