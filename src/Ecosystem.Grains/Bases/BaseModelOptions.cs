using Ecosystem.Corpus;

namespace Ecosystem.Grains.Bases;

/// <summary>Where pretrained bases are cached: the cache folder's <c>bases</c> by default; a cluster points every silo
/// at one shared folder, so a base is built once and reused everywhere.</summary>
public sealed class BaseModelOptions
{
    /// <summary>The folder of cached bases.</summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary><c>bases</c> in the cache folder (see <see cref="CorpusCache"/>).</summary>
    public static string DefaultDirectory => Path.Combine(CorpusCache.ResolveDirectory(), "bases");
}
