namespace Ecosystem.Grains.Corpus;

/// <summary>How much of the sealed corpus a silo keeps on the heap (<c>Corpus__MemoryMegabytes</c>); the rest is read
/// back from the segments' Arrow files when a crawl or a measurement needs it.</summary>
public sealed class SegmentMemoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Corpus";

    /// <summary>Megabytes of sealed segments kept in memory by all of the silo's shards together.</summary>
    public int MemoryMegabytes { get; set; } = 1024;
}
